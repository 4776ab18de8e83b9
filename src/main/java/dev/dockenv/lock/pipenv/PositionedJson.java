package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value that knows where it was written (the first character of its token: the opening
 * quote of a string, the '{' of an object), so that a problem found after parsing can still be
 * reported as file:line:column. Built by {@link PositionedJsonParser}.
 */
sealed interface PositionedJson {

    SourceLocation location();

    /** What this kind of value is called in messages ("an object", "a string" ...). */
    String kind();

    /** An object; members keep the order they were written in. */
    record Obj(Map<String, Member> members, SourceLocation location) implements PositionedJson {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public String kind() {
            return "an object";
        }

        Optional<Member> member(String key) {
            return Optional.ofNullable(members.get(key));
        }

        Optional<PositionedJson> get(String key) {
            return member(key).map(Member::value);
        }
    }

    /** One member of an object: where its key was written, and its value. */
    record Member(String key, SourceLocation keyLocation, PositionedJson value) {
    }

    record Arr(List<PositionedJson> items, SourceLocation location) implements PositionedJson {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "an array";
        }
    }

    record Str(String value, SourceLocation location) implements PositionedJson {
        @Override
        public String kind() {
            return "a string";
        }

        /** Where the character at {@code index} of the value is, assuming no escapes precede it. */
        SourceLocation at(int index) {
            return new SourceLocation(location.file(), location.line(), location.column() + 1 + index);
        }
    }

    record Num(BigDecimal value, SourceLocation location) implements PositionedJson {
        @Override
        public String kind() {
            return "a number";
        }
    }

    record Bool(boolean value, SourceLocation location) implements PositionedJson {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record Null(SourceLocation location) implements PositionedJson {
        @Override
        public String kind() {
            return "null";
        }
    }

    /** The value as an object, or an error at it naming {@code what} it should be. */
    default Obj asObject(String what) {
        if (this instanceof Obj o) {
            return o;
        }
        throw new InputException(location(), what + " must be an object, not " + kind());
    }

    default Arr asArray(String what) {
        if (this instanceof Arr a) {
            return a;
        }
        throw new InputException(location(), what + " must be an array, not " + kind());
    }

    default Str asString(String what) {
        if (this instanceof Str s) {
            return s;
        }
        throw new InputException(location(), what + " must be a string, not " + kind());
    }

    default Bool asBoolean(String what) {
        if (this instanceof Bool b) {
            return b;
        }
        throw new InputException(location(), what + " must be true or false, not " + kind());
    }
}
