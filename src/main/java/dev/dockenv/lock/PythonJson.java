package dev.dockenv.lock;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import dev.dockenv.io.CodePointOrder;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import java.util.List;
import java.util.Map;

/**
 * What Python's {@code json.dumps(value, sort_keys=True, separators=(",", ":"))} writes, byte for
 * byte, for values made of maps with string keys, lists, strings, booleans, longs and doubles:
 * keys sorted by code point, no spaces, every character outside printable ASCII escaped as
 * {@code \\uXXXX} (lowercase hex, surrogate pairs beyond the BMP), floats as Python's
 * {@code repr} writes them ({@code 1.0}, {@code 1e-05}, {@code 1e+16}, {@code Infinity}).
 */
public final class PythonJson {

    private PythonJson() {
    }

    /** {@code json.dumps(value, sort_keys=True, separators=(",", ":"))}, as pipenv hashes a Pipfile. */
    public static String dumpsCompact(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, ",", ":");
        return out.toString();
    }

    /** {@code json.dumps(value, sort_keys=True)}, as poetry hashes pyproject.toml (", " and ": "). */
    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, ", ", ": ");
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, String item, String colon) {
        if (value instanceof TomlTable table) {
            value = table.toMap();
        } else if (value instanceof TomlArray array) {
            value = array.toList();
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(pythonFloat(d));
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object key : map.keySet()) {
                keys.add((String) key);
            }
            keys.sort(CodePointOrder.COMPARATOR); // Python orders str by code point
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(item);
                }
                string(keys.get(i), out);
                out.append(colon);
                write(map.get(keys.get(i)), out, item, colon);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(item);
                }
                write(list.get(i), out, item, colon);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("json.dumps cannot write " + value.getClass().getSimpleName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's repr(float): the shortest digits that read back as the same double. */
    public static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                shortest = rounded;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int point = digits.length() - shortest.scale(); // value = 0.<digits> * 10^point
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exponent));
            out.append(e.length() < 2 ? "0" + e : e);
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point < digits.length()) {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        } else {
            out.append(digits).append("0".repeat(point - digits.length())).append(".0");
        }
        return out.toString();
    }
}
