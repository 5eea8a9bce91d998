package dev.rampart.adapters.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1: checks the signature with the shared key (401 when wrong), counts attempts,
 * and answers from a script of statuses (the last one repeats); status 0 means "sleep past the client's timeout".
 */
public final class LoopbackServer implements AutoCloseable {
    public record Received(String path, Map<String, List<String>> headers, String body, boolean signatureValid) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final String key;
    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile String answer = "";
    public final List<Received> received = new CopyOnWriteArrayList<>();

    private volatile boolean echo;

    public LoopbackServer(String key) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public LoopbackServer answer(String body, Integer... statuses) {
        this.answer = body;
        script.clear();
        script.addAll(List.of(statuses));
        return this;
    }

    /** Answers an error with the request's headers in its body, as some receivers do when they log a refusal. */
    public LoopbackServer echoingHeaders() {
        echo = true;
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean valid = key == null || Signature.verify(key, ex.getRequestHeaders().getFirst(Signature.TIMESTAMP_HEADER),
                body, ex.getRequestHeaders().getFirst(Signature.HEADER));
        received.add(new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
                new String(body, StandardCharsets.UTF_8), valid));
        int status;
        synchronized (script) {
            status = script.size() > 1 ? script.poll() : script.isEmpty() ? 200 : script.peek();
        }
        if (!valid) {
            status = 401;
        }
        if (status == 0) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        String refusal = "status " + status + (echo ? "; you sent " + ex.getRequestHeaders().entrySet().stream()
                .filter(h -> h.getKey().startsWith("X-")).toList() : "");
        byte[] out = (status == 200 ? answer : refusal).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
