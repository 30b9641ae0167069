package network.qfc.miner.app.desktop.dashboard;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The node's scores in the node's own meaning (qfc-protocol.md, "What the node checks", step 10, and "Reading a
 * miner's standing"): the inference score is the sum of {@code flopsEstimated} of every accepted proof, a count of
 * floating-point operations (an embedding task is credited about 1 GFLOP); the contribution score is the node's
 * {@code totalScore}, 0..10,000, a weighted mix of stake, compute, uptime, accuracy, network, storage and reputation.
 */
public final class ScoreWords {
    /** The contribution score's scale: 10,000 is the best. */
    public static final long CONTRIBUTION_MAX = 10_000;

    public static final String INFERENCE_EXPLAINED = "The node's inference score: the work of every proof it accepted "
            + "from this validator, added up, in floating-point operations (FLOP). An embedding task is credited about "
            + "1 GFLOP (a billion); 1 TFLOP is 1,000 GFLOP. It only grows, it has no maximum, and it is not an amount "
            + "of QFC.";
    public static final String CONTRIBUTION_EXPLAINED = "The node's contribution score, from 0 to 10,000: stake 30 %, "
            + "compute 20 %, uptime 15 %, accuracy 15 %, network 10 %, storage 5 %, reputation 5 %. A failed spot check "
            + "takes reputation away.";

    /** A unit of FLOP counts, chosen so a figure reads as a few digits. */
    public enum FlopUnit {
        FLOP(1), KFLOP(1e3), MFLOP(1e6), GFLOP(1e9), TFLOP(1e12), PFLOP(1e15), EFLOP(1e18);

        private final double size;

        FlopUnit(double size) {
            this.size = size;
        }

        public double of(double flop) {
            return flop / size;
        }

        /** The largest unit in which {@code flop} is at least 1 (FLOP for 0). */
        public static FlopUnit fitting(double flop) {
            FlopUnit best = FLOP;
            for (FlopUnit u : values()) {
                if (Math.abs(flop) >= u.size) {
                    best = u;
                }
            }
            return best;
        }
    }

    private ScoreWords() {
    }

    /** "1.23 TFLOP of accepted work", "–" when unknown (negative). */
    public static String inferenceScore(long flop) {
        if (flop < 0) {
            return "–";
        }
        return flops(BigInteger.valueOf(flop).doubleValue()) + " of accepted work";
    }

    /** "1.23 TFLOP", "950 GFLOP", "0 FLOP": three significant digits. */
    public static String flops(double flop) {
        FlopUnit u = FlopUnit.fitting(flop);
        double v = u.of(flop);
        String digits = v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + " " + u.name();
    }

    /** "62.3 % (6,230 of 10,000)", "–" when unknown (negative). */
    public static String contribution(long score) {
        if (score < 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f %% (%,d of %,d)", 100.0 * score / CONTRIBUTION_MAX, score, CONTRIBUTION_MAX);
    }
}
