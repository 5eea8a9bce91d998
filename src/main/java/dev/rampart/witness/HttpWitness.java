package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A witness behind HTTP: {@code POST <url>} with a checkpoint as JSON keeps it (any 2xx is success);
 * {@code GET <url>?location=<location>} answers the newest one it holds for that store (404: none). The server need
 * not trust Rampart, nor Rampart the server's storage: checkpoints carry their own signatures. Address: the URL
 * ({@code http://} or {@code https://}); short time-outs, so a slow witness never holds up a rollout for long.
 */
public final class HttpWitness implements Witness {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpWitness(URI url) {
        this.url = url;
    }

    @Override
    public String describe() {
        return url.getScheme() + "://" + url.getAuthority() + url.getPath();
    }

    @Override
    public void record(Checkpoint checkpoint) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(checkpoint.fields()))).build();
        HttpResponse<String> response = send(post);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(describe() + " answered " + response.statusCode() + " to a checkpoint");
        }
    }

    @Override
    public Optional<Checkpoint> newest(String location) throws IOException {
        URI query = URI.create(url + (url.getQuery() == null ? "?" : "&") + "location="
                + URLEncoder.encode(location, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(query).timeout(TIMEOUT).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(describe() + " answered " + response.statusCode());
        }
        return Optional.of(Checkpoint.from(Json.read(response.body())));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + describe(), e);
        }
    }
}
