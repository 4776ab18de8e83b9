package dev.dockenv.sbom;

import java.util.regex.Pattern;

/** URLs as a BOM may show them: without the user and password a lock or pip may carry in them. */
final class Urls {
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@?#]*@");

    private Urls() {
    }

    static String withoutCredentials(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1");
    }
}
