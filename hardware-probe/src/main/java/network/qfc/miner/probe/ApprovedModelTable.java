package network.qfc.miner.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The approved models' tier and memory needs, read from the {@code approved-models.json} resource beside this class
 * (a copy of the node's table kept here so that the probe depends on nothing else).
 */
public final class ApprovedModelTable {
    private static final String RESOURCE = "approved-models.json";

    private ApprovedModelTable() {
    }

    /** The table shipped with this module. */
    public static List<ModelRequirement> load() {
        try (InputStream in = ApprovedModelTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the resource " + RESOURCE + " of hardware-probe");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static List<ModelRequirement> parse(JsonNode root) {
        List<ModelRequirement> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            String name = m.path("name").asText("");
            long minMemory = m.path("minMemoryMb").asLong(-1);
            if (name.isEmpty() || minMemory < 0) {
                throw new IllegalStateException(RESOURCE + " has a model without name or minMemoryMb: " + m);
            }
            models.add(new ModelRequirement(name, m.path("version").asText("v1.0"),
                    GpuTier.fromWireName(m.path("minTier").asText("")), minMemory));
        }
        return List.copyOf(models);
    }
}
