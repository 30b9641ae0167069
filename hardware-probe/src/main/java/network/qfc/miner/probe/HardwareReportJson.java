package network.qfc.miner.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A report and its assessment as one JSON object, every field present and unknowns as {@code null}. Memory in MB
 * (MiB), charge as a fraction 0..1, temperature in °C, probe time in milliseconds.
 */
public final class HardwareReportJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HardwareReportJson() {
    }

    public static ObjectNode toJson(HardwareReport r, TierAssessment a) {
        ObjectNode root = JSON.objectNode();
        ObjectNode os = root.putObject("os");
        os.put("family", r.os().family());
        os.put("version", r.os().version());
        os.put("architecture", r.os().architecture());

        ObjectNode cpu = root.putObject("cpu");
        cpu.put("name", r.cpu().name());
        cpu.put("vendor", r.cpu().vendor());
        cpu.put("physicalCores", r.cpu().physicalCores());
        cpu.put("logicalCores", r.cpu().logicalCores());
        ArrayNode simd = cpu.putArray("simd");
        r.cpu().simd().stream().sorted().forEach(f -> simd.add(f.displayName()));

        ObjectNode memory = root.putObject("memory");
        memory.put("totalMb", r.memory().totalMb());
        memory.put("availableMb", r.memory().availableMb());

        ArrayNode gpus = root.putArray("gpus");
        for (GpuInfo g : r.gpus()) {
            ObjectNode gpu = gpus.addObject();
            gpu.put("vendor", g.vendor());
            gpu.put("name", g.name());
            putLong(gpu, "vramMb", g.vramMb());
            gpu.put("vramSource", g.vramSource().name());
            putString(gpu, "driverVersion", g.driverVersion());
        }

        ObjectNode cuda = root.putObject("cuda");
        cuda.put("usable", r.cuda().usable());
        cuda.put("nvidiaGpu", r.cuda().nvidiaGpu());
        putString(cuda, "driverVersion", r.cuda().driverVersion());
        putString(cuda, "runtimeLibrary", r.cuda().runtimeLibrary().map(Object::toString));
        cuda.put("reason", r.cuda().reason());

        ObjectNode metal = root.putObject("metal");
        metal.put("usable", r.metal().usable());
        putLong(metal, "unifiedMemoryMb", r.metal().unifiedMemoryMb());
        metal.put("reason", r.metal().reason());

        if (r.battery().isPresent()) {
            ObjectNode battery = root.putObject("battery");
            BatteryInfo b = r.battery().get();
            putDouble(battery, "chargeFraction", b.chargeFraction());
            battery.put("onAcPower", b.onAcPower());
            battery.put("charging", b.charging());
        } else {
            root.putNull("battery");
        }
        putDouble(root, "cpuTemperatureC", r.cpuTemperatureC());

        ObjectNode tier = root.putObject("tier");
        tier.put("tier", a.tier().wireName());
        tier.put("accelerator", a.accelerator().displayName());
        tier.put("memoryMb", a.memoryMb());
        tier.put("memoryOverridden", a.memoryOverridden());
        tier.put("why", a.why());
        ArrayNode models = tier.putArray("models");
        for (ModelEligibility m : a.models()) {
            ObjectNode model = models.addObject();
            model.put("model", m.model().qualifiedName());
            model.put("minTier", m.model().minTier().wireName());
            model.put("minMemoryMb", m.model().minMemoryMb());
            model.put("mayRun", m.mayRun());
            putString(model, "reason", m.reason());
        }
        root.put("probeTimeMs", r.probeTime().toMillis());
        return root;
    }

    private static void putString(ObjectNode o, String field, Optional<String> v) {
        if (v.isPresent()) {
            o.put(field, v.get());
        } else {
            o.putNull(field);
        }
    }

    private static void putLong(ObjectNode o, String field, OptionalLong v) {
        if (v.isPresent()) {
            o.put(field, v.getAsLong());
        } else {
            o.putNull(field);
        }
    }

    private static void putDouble(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }
}
