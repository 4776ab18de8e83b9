package dev.dockenv.pep;

import java.util.Optional;

/** The comparison operators of PEP 508 environment markers. */
public enum MarkerOperator {
    ARBITRARY_EQUAL("===", Specifier.Operator.ARBITRARY),
    EQUAL("==", Specifier.Operator.EQUAL),
    NOT_EQUAL("!=", Specifier.Operator.NOT_EQUAL),
    LESS_EQUAL("<=", Specifier.Operator.LESS_EQUAL),
    GREATER_EQUAL(">=", Specifier.Operator.GREATER_EQUAL),
    COMPATIBLE("~=", Specifier.Operator.COMPATIBLE),
    LESS("<", Specifier.Operator.LESS),
    GREATER(">", Specifier.Operator.GREATER),
    IN("in", null),
    NOT_IN("not in", null);

    private final String symbol;
    private final Specifier.Operator versionOperator;

    MarkerOperator(String symbol, Specifier.Operator versionOperator) {
        this.symbol = symbol;
        this.versionOperator = versionOperator;
    }

    public String symbol() {
        return symbol;
    }

    /** The PEP 440 operator used when both sides are versions; empty for {@code in} and {@code not in}. */
    public Optional<Specifier.Operator> versionOperator() {
        return Optional.ofNullable(versionOperator);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
