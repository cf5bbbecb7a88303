package io.minyi.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP calls through the gateway, as a department's system or a script would make them. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Stack stack;

    Api(Stack stack) {
        this.stack = stack;
    }

    record Reply(int status, JsonNode body) {
    }

    /** A real access token from Keycloak, by password grant on the CLI client. */
    String token(String username) throws IOException, InterruptedException {
        return tokenFrom("minyi", "client_id=minyi-cli&grant_type=password&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=Minyi-2026-demo");
    }

    /** A department system's own token: the client-credentials grant on its confidential client. */
    String clientToken(String clientId, String secret) throws IOException, InterruptedException {
        return tokenFrom("minyi", "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    Reply get(String token, String path) throws IOException, InterruptedException {
        return send(token, HttpRequest.newBuilder(URI.create(stack.gateway() + path)).GET());
    }

    Reply post(String token, String path, String json) throws IOException, InterruptedException {
        return send(token, HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts an HTML-style form (application/x-www-form-urlencoded), as Open311 clients do. */
    Reply postForm(String token, String path, String form) throws IOException, InterruptedException {
        return send(token, HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Replaces a resource; with an ETag in {@code ifMatch} (a draft's, say) only if it is still current. */
    Reply put(String token, String path, String ifMatch, String json) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(token, request.PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads one file as multipart/form-data, as a browser form would. */
    Reply upload(String token, String path, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "minyi-" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(token, HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A file download: status, content type and the bytes. */
    HttpResponse<byte[]> download(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A file made from a posted JSON body (an export of chosen reports): status, headers and the bytes. */
    HttpResponse<byte[]> postDownload(String token, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The first server-sent event of a stream (its data line), read through the gateway within 15 seconds. */
    String firstEvent(String token, String path) throws Exception {
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("event stream " + path + ": " + r.statusCode());
        }
        var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line.substring(5);
                    }
                }
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return reading.get(15, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            r.body().close();
        }
    }

    /** A page as a browser asks for it. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request to any base address (the gateway, a service's own port, Keycloak): status and body. */
    Reply raw(String method, String url, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return raw(method, url, token, contentType, body, java.util.Map.of());
    }

    Reply raw(String method, String url, String token, String contentType, byte[] body, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(token, request);
    }

    /** A token from any realm and client of the running Keycloak, by the grant in {@code form}. */
    String tokenFrom(String realm, String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.tokenEndpoint(realm))).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token from " + realm + " (" + form.replaceAll("password=[^&]*", "password=…")
                    + "): " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asString();
    }

    private Reply send(String token, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean json = r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
        return new Reply(r.statusCode(), json && !r.body().isBlank() ? JSON.readTree(r.body()) : null);
    }
}
