package dev.dockenv.build;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials for the build's package indexes, as the netrc file pip reads: from index URLs that
 * carry a user and password (the configuration, PIP_INDEX_URL, PIP_EXTRA_INDEX_URL) and from the
 * user's own netrc, for the indexes' hosts only. The build mounts it as a BuildKit secret: it is in
 * no layer, no build argument and no image history.
 */
public record IndexCredentials(String netrc) {

    /**
     * @param rawUrls    index URLs as written, possibly with credentials
     * @param userNetrc  the text of the user's netrc ($NETRC or ~/.netrc), when there is one
     * @param indexHosts the hosts of the indexes the build uses
     */
    public static Optional<IndexCredentials> collect(List<String> rawUrls, Optional<String> userNetrc,
            Set<String> indexHosts) {
        Map<String, String[]> byHost = new LinkedHashMap<>();
        for (String raw : rawUrls) {
            URI uri;
            try {
                uri = URI.create(raw.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (uri.getHost() == null || uri.getRawUserInfo() == null) {
                continue;
            }
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            byHost.put(uri.getHost().toLowerCase(Locale.ROOT), new String[] {decode(userInfo[0]),
                    userInfo.length > 1 ? decode(userInfo[1]) : ""});
        }
        userNetrc.ifPresent(text -> parseNetrc(text).forEach((host, login) -> {
            if (indexHosts.contains(host) && !byHost.containsKey(host)) {
                byHost.put(host, login);
            }
        }));
        if (byHost.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        byHost.forEach((host, login) -> {
            for (String token : new String[] {login[0], login[1]}) {
                if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
                    throw new DockenvException(ExitCode.BAD_INPUT, "the credentials for " + host
                            + " cannot be written in netrc form (empty, or with spaces)",
                            "use a token without spaces as the password");
                }
            }
            out.append("machine ").append(host).append(" login ").append(login[0]).append(" password ")
                    .append(login[1]).append('\n');
        });
        return Optional.of(new IndexCredentials(out.toString()));
    }

    /** Hosts to login/password from netrc text (machine entries; macdef bodies skipped). */
    static Map<String, String[]> parseNetrc(String text) {
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> tokens = new ArrayList<>();
        boolean inMacro = false;
        for (String line : text.split("\n", -1)) {
            if (inMacro) {
                inMacro = !line.isBlank();
                continue;
            }
            for (String t : line.trim().split("\\s+")) {
                if (t.isEmpty() || t.startsWith("#")) {
                    break;
                }
                if (t.equals("macdef")) {
                    inMacro = true;
                    break;
                }
                tokens.add(t);
            }
        }
        String machine = null;
        String login = null;
        String password = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            switch (t) {
                case "machine", "default" -> {
                    if (machine != null && login != null && password != null) {
                        out.put(machine, new String[] {login, password});
                    }
                    machine = t.equals("default") ? null : next.toLowerCase(Locale.ROOT);
                    login = null;
                    password = null;
                    if (t.equals("machine")) {
                        i++;
                    }
                }
                case "login" -> {
                    login = next;
                    i++;
                }
                case "password" -> {
                    password = next;
                    i++;
                }
                case "account" -> i++;
                default -> {
                    // unknown token: ignored, as netrc readers do
                }
            }
        }
        if (machine != null && login != null && password != null) {
            out.put(machine, new String[] {login, password});
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "IndexCredentials[hidden]";
    }
}
