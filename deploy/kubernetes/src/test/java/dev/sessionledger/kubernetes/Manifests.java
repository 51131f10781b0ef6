package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** A rendered set of manifests as plain trees: what the strict models and the checks read, and what tests break. */
record Manifests(List<ObjectNode> documents) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Manifests parse(String yaml) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IOException("a rendered document is not an object: " + document);
                }
                documents.add((ObjectNode) document);
            }
        }
        return new Manifests(documents);
    }

    static String describe(JsonNode document) {
        return document.path("kind").asText("?") + " " + document.path("metadata").path("name").asText("?");
    }

    /** The one object of this kind and name; tests use it to break a manifest on purpose. */
    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                .findFirst();
    }

    List<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Manifests copy() {
        return new Manifests(documents.stream().map(ObjectNode::deepCopy).toList());
    }
}
