package network.qfc.miner.core.mining;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark score the miner registers with, on the node's scale, and why.
 *
 * <p>The miner measures 1000 per TFLOP/s of real embedding work with the model it mines (0..10000); a QFC node takes
 * any score for a GPU name it does not know, but for a name holding 4060, 3090, 4090, A100 or H100 it refuses a score
 * outside a band of its own (2000-3500, 4000-5500, 6000-7500, 7500-9000, 9000-10000), and an honest FP32 measurement
 * of those cards falls outside it. So for those names the measured score is brought into the band (the nearest end),
 * which registers a real card of that name, keeps the tier the node gives that card, and is shown to the user with the
 * measured figure and the reason; any other name sends what was measured.
 *
 * @param measured what this machine measured
 * @param sent     what the registration sends
 * @param why      empty when the two are equal; else a sentence for the user
 */
public record NodeScore(long measured, long sent, String why) {
    private record Band(String name, long low, long high) {
    }

    /** The node's bands by GPU name (qfc-core's {@code validate_gpu_claim}), checked in this order. */
    private static final List<Band> BANDS = List.of(new Band("4060", 2000, 3500), new Band("3090", 4000, 5500),
            new Band("4090", 6000, 7500), new Band("a100", 7500, 9000), new Band("h100", 9000, 10000));

    /** The score to send for {@code gpuModel} after measuring {@code measured} (0..10000). */
    public static NodeScore forGpu(String gpuModel, long measured) {
        long m = Math.max(0, Math.min(10_000, measured));
        String name = gpuModel.toLowerCase(Locale.ROOT);
        for (Band b : BANDS) {
            if (name.contains(b.name())) {
                long sent = Math.max(b.low(), Math.min(b.high(), m));
                if (sent == m) {
                    return new NodeScore(m, m, "");
                }
                return new NodeScore(m, sent, "measured " + m + "; the node accepts only " + b.low() + "-" + b.high()
                        + " for a GPU named like '" + gpuModel + "', so " + sent + " is sent (the nearest end of its"
                        + " range: the tier the node gives this card)");
            }
        }
        return new NodeScore(m, m, "");
    }

    /**
     * What to tell the user when the node refused the registration with {@code message}: the node's words and what to
     * do. The miner keeps running and tries again.
     */
    public static String adviceFor(String message, String address) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String node = "the node refused to register this miner: " + message;
        if (m.contains("benchmark score")) {
            return node + ". The node checks the score against the GPU's name; check the GPU name and backend in"
                    + " Settings (or --backend), or mine on a node without that rule. Trying again every minute.";
        }
        if (m.contains("unknown validator")) {
            return node + ". This node takes validators only (" + address + " is not one): stake it as a validator,"
                    + " or use a node that takes standalone miners. Trying again every minute.";
        }
        if (m.contains("public key")) {
            return node + ". The key file does not match its address: make a new miner key (keys new). Trying again"
                    + " every minute.";
        }
        return node + ". Trying again every minute.";
    }
}
