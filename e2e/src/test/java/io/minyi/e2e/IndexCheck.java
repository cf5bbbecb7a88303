package io.minyi.e2e;

import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks both intake instances directly (not through nginx) the same questions of their in-memory
 * indexes — a keyword search (Lucene) and the similar reports of a few reports (the embeddings) — and
 * says whether they answer alike.
 */
final class IndexCheck {

    private IndexCheck() {
    }

    /** Question → "same (…)" or "different: …". */
    static Map<String, String> compare(Stack stack, Api api, String run, Set<String> reports) throws Exception {
        String editor = api.token("editor-street");
        Map<String, String> answers = new LinkedHashMap<>();
        String search = "/api/reports?scope=incoming&size=100&q=" + URLEncoder.encode("路灯", StandardCharsets.UTF_8);
        // the reports found; not their scores: BM25 counts the documents an index has deleted (a report's
        // update is a delete and an add) until segments merge, which differs with each instance's history
        answers.put("search 路灯 (every page: the reports found)", alike(ids(all(stack.instance("intake-service"), api,
                editor, search)), ids(all(stack.instance("intake-service-2"), api, editor, search))));
        List<String> some = new ArrayList<>(reports).subList(0, Math.min(3, reports.size()));
        for (String id : some) {
            String path = "/api/reports/" + id + "/similar";
            answers.put("similar to " + id.substring(0, 8), alike(
                    answer(api.raw("GET", stack.instance("intake-service") + path, editor, null, null, Map.of()).body()),
                    answer(api.raw("GET", stack.instance("intake-service-2") + path, editor, null, null, Map.of()).body())));
        }
        return answers;
    }

    private static String alike(List<String> first, List<String> second) {
        if (first.equals(second)) {
            return "same (" + first.size() + " results)";
        }
        List<String> onlyFirst = new ArrayList<>(first);
        onlyFirst.removeAll(second);
        List<String> onlySecond = new ArrayList<>(second);
        onlySecond.removeAll(first);
        return "different: " + first.size() + " vs " + second.size() + " results; only on the first " + onlyFirst
                + ", only on the second " + onlySecond;
    }

    private static List<String> ids(List<String> answers) {
        return answers.stream().map(a -> a.substring(0, a.indexOf('@'))).sorted().toList();
    }

    /** Every page of a search on one instance. */
    private static List<String> all(String instance, Api api, String token, String search) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.raw("GET", instance + search + "&page=" + page, token, null, null, Map.of()).body();
            seen.addAll(answer(body.get("items")));
            if ((page + 1) * 100L >= body.get("total").asLong()) {
                break;
            }
        }
        java.util.Collections.sort(seen);
        return seen;
    }

    /** The ids and scores, sorted: equal scores may come in either order, as each instance indexed them. */
    private static List<String> answer(JsonNode items) {
        List<String> seen = new ArrayList<>();
        for (JsonNode item : items) {
            String id = item.has("reportId") ? item.get("reportId").asString() : item.get("id").asString();
            seen.add(id + "@" + item.path("score").asString());
        }
        java.util.Collections.sort(seen);
        return seen;
    }
}
