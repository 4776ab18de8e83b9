package dev.dockenv.deps;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code file:} URLs as pip accepts them, including relative ones such as {@code file:./x}. */
public final class FileUrls {
    private FileUrls() {
    }

    public static boolean isFileUrl(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("file:");
    }

    /** {@code file:///a/b} gives {@code /a/b}, {@code file://localhost/a} gives {@code /a}, {@code file:.} gives {@code .}. */
    public static String toPath(String url) {
        String rest = url.substring("file:".length());
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            String path = slash < 0 ? "/" : rest.substring(slash);
            rest = authority.isEmpty() || authority.equalsIgnoreCase("localhost") ? path : "//" + authority + path;
        }
        return percentDecode(rest);
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
