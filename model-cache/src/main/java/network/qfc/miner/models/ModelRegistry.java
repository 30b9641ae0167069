package network.qfc.miner.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approved models, as data: loaded from the bundled {@code approved-models.json} and, when connected, merged with
 * what the node says ({@link #merge(List)}). Immutable: merging returns a new registry.
 */
public final class ModelRegistry {
    /** The bundled registry's classpath resource. */
    public static final String BUNDLED_RESOURCE = "approved-models.json";
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<ModelRef, ApprovedModel> models;

    public ModelRegistry(List<ApprovedModel> models) {
        Map<ModelRef, ApprovedModel> m = new LinkedHashMap<>();
        for (ApprovedModel a : models) {
            if (m.put(a.ref(), a) != null) {
                throw new ModelRegistryException("model " + a.ref() + " is listed twice");
            }
        }
        this.models = java.util.Collections.unmodifiableMap(m);
    }

    /** The registry shipped with the application. */
    public static ModelRegistry bundled() {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new ModelRegistryException("the bundled " + BUNDLED_RESOURCE + " is missing from the application");
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + BUNDLED_RESOURCE, e);
        }
    }

    /** Parses a registry document ({@code {"models": [...]}}, the format of {@code approved-models.json}). */
    public static ModelRegistry fromJson(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode list = root == null ? null : root.get("models");
        if (list == null || !list.isArray()) {
            throw new ModelRegistryException("model registry has no \"models\" array");
        }
        List<ApprovedModel> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(parseModel(n));
        }
        return new ModelRegistry(out);
    }

    private static ApprovedModel parseModel(JsonNode n) {
        String where = "model " + n.path("name").asText("?") + "@" + n.path("version").asText("?");
        try {
            ModelRef ref = new ModelRef(text(n, "name"), text(n, "version"));
            List<ModelFile> files = new ArrayList<>();
            for (JsonNode f : n.path("files")) {
                files.add(new ModelFile(text(f, "remotePath"), text(f, "localName"), optLong(f, "size"),
                        optText(f, "sha256"), f.path("required").asBoolean(true)));
            }
            SeedSource seed = null;
            JsonNode s = n.get("seed");
            if (s != null && !s.isNull()) {
                List<SeedFile> seedFiles = new ArrayList<>();
                for (JsonNode f : s.path("files")) {
                    seedFiles.add(new SeedFile(text(f, "resource"), text(f, "localName"), f.path("size").asLong(-1),
                            text(f, "sha256")));
                }
                seed = new SeedSource(text(s, "artifact"), seedFiles);
            }
            return new ApprovedModel(ref, text(n, "hfRepo"), text(n, "revision"), n.path("pinned").asBoolean(false),
                    optText(n, "note"), files, n.path("dimension").asInt(),
                    n.path("minMemoryMb").path("doc").asLong(), n.path("minMemoryMb").path("node").asLong(),
                    MinTier.parse(n.path("minTier").path("doc").asText(null)),
                    MinTier.parse(n.path("minTier").path("node").asText(null)), seed, true);
        } catch (IllegalArgumentException | ModelCacheException e) {
            throw new ModelRegistryException("invalid registry entry for " + where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field \"" + field + "\"");
        }
        return v.asText();
    }

    private static String optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long optLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    /** Every model, in registry order. */
    public List<ApprovedModel> models() {
        return List.copyOf(models.values());
    }

    public Optional<ApprovedModel> find(ModelRef ref) {
        return Optional.ofNullable(models.get(ref));
    }

    /**
     * The model named {@code text}: either {@code name@version} or a bare name (the single version of that name, or
     * the newest by text order when there are several).
     */
    public ApprovedModel require(String text) {
        if (text.contains("@")) {
            ModelRef ref = ModelRef.parse(text);
            return find(ref).orElseThrow(() -> unknown(text));
        }
        return models.values().stream().filter(m -> m.ref().name().equals(text))
                .max(java.util.Comparator.comparing(m -> m.ref().version()))
                .orElseThrow(() -> unknown(text));
    }

    private ModelRegistryException unknown(String text) {
        return new ModelRegistryException("unknown model '" + text + "'; approved models: "
                + models.keySet().stream().map(ModelRef::toString).toList());
    }

    /**
     * Merges what the node says ({@code qfc_getSupportedModels}). A model the node lists takes the node's minimum memory,
     * tier and approval; a bundled model the node does not list is marked withdrawn. An empty list (node not asked or
     * answering nothing) changes nothing. Entries of unknown models, or with names that are not valid, are ignored (the
     * miner cannot fetch a model it has no Hub location for).
     */
    public ModelRegistry merge(List<NodeApproval> node) {
        if (node == null || node.isEmpty()) {
            return this;
        }
        Map<ModelRef, NodeApproval> byRef = new HashMap<>();
        for (NodeApproval a : node) {
            if (!ModelRef.isSafePart(a.name()) || !ModelRef.isSafePart(a.version())) {
                LOG.warn("ignoring a node model entry with an invalid name: {}@{}", a.name(), a.version());
                continue;
            }
            byRef.put(new ModelRef(a.name(), a.version()), a);
        }
        List<ApprovedModel> out = new ArrayList<>();
        for (ApprovedModel m : models.values()) {
            NodeApproval a = byRef.get(m.ref());
            if (a == null) {
                out.add(m.withApproved(false));
                continue;
            }
            MinTier tier = m.minTierNode();
            try {
                if (a.minTier() != null) {
                    tier = MinTier.parse(a.minTier());
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("node sent an unknown tier for {}: {}", m.ref(), a.minTier());
            }
            long mem = a.minMemoryMb() > 0 ? a.minMemoryMb() : m.minMemoryMbNode();
            out.add(m.withNode(mem, tier, a.approved()));
        }
        byRef.keySet().stream().filter(r -> !models.containsKey(r))
                .forEach(r -> LOG.info("the node approves {}, which this version does not know how to fetch", r));
        return new ModelRegistry(out);
    }
}
