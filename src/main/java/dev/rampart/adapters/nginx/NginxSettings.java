package dev.rampart.adapters.nginx;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * <pre>
 * {"type": "nginx", "upstream": "checkout", "stable": ["10.0.0.11:8080"], "canary": ["10.0.0.21:8080"],
 *  "config_file": "/etc/nginx/conf.d/rampart-checkout.conf",
 *  "test_command": ["nginx", "-t"], "reload_command": ["nginx", "-s", "reload"],
 *  "confirm_url": "http://127.0.0.1/__rampart/checkout", "pid_file": "/run/nginx.pid",
 *  "confirm_timeout": "PT10S", "command_timeout": "PT30S"}
 * </pre>
 * {@code config_file} is included inside nginx's {@code http} block; {@code confirm_url}, optional, is a location
 * that returns {@code $rampart_<upstream>}; {@code pid_file}, optional, lets Rampart wait until the old workers
 * have stopped accepting connections after a reload.
 */
record NginxSettings(UpstreamConfig upstream, Path configFile, List<String> testCommand, List<String> reloadCommand,
                     String confirmUrl, Path pidFile, Duration confirmTimeout, Duration commandTimeout,
                     Map<String, String> commandEnvironment) {

    static NginxSettings read(Settings s, Map<String, String> processEnvironment) throws AdapterException {
        String name = s.text("upstream");
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw s.bad("upstream", "may hold only letters, digits, '_', '-' and '.'");
        }
        List<String> stable = servers(s, "stable");
        List<String> canary = servers(s, "canary");
        List<String> test = s.has("test_command") ? s.strings("test_command") : List.of("nginx", "-t");
        List<String> reload = s.has("reload_command") ? s.strings("reload_command") : List.of("nginx", "-s", "reload");
        if (test.isEmpty() || reload.isEmpty()) {
            throw s.bad(test.isEmpty() ? "test_command" : "reload_command", "must not be empty");
        }
        String path = processEnvironment.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return new NginxSettings(new UpstreamConfig(name, stable, canary, s.text("zone_size", "64k")),
                Path.of(s.text("config_file")), test, reload, s.optionalText("confirm_url").orElse(null),
                s.optionalText("pid_file").map(Path::of).orElse(null),
                s.duration("confirm_timeout", Duration.ofSeconds(10)), s.duration("command_timeout", Duration.ofSeconds(30)),
                Map.of("PATH", path.contains("/usr/sbin") ? path : path + ":/usr/sbin:/sbin"));
    }

    private static List<String> servers(Settings s, String key) throws AdapterException {
        List<String> list = s.raw(key) instanceof String one ? List.of(one) : s.strings(key);
        if (list.isEmpty()) {
            throw s.bad(key, "needs at least one server address (host:port)");
        }
        for (String server : list) {
            if (!server.matches("[A-Za-z0-9_.:\\[\\]-]+")) {
                throw s.bad(key, "has a bad server address: " + server);
            }
        }
        return list;
    }
}
