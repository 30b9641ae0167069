package network.qfc.miner.core.inference;

/**
 * FLOPs per task. A proof reports what the node expects for the task type (it accepts 0.01x..10x of that); the
 * true estimate (2 x parameters x tokens) is for the screen.
 */
public final class FlopsEstimate {
    public static final long EMBEDDING = 1_000_000_000L;
    public static final long IMAGE_CLASSIFICATION = 4_000_000_000L;
    public static final long ONNX = 2_000_000_000L;
    /** 2 x 7e9 parameters x 128 max tokens. */
    public static final long TEXT_GENERATION = 2L * 7_000_000_000L * 128L;

    private FlopsEstimate() {
    }

    /** The figure the node expects for {@code taskType} ({@code embedding}, {@code image_classification}, ...). */
    public static long nodeExpected(String taskType) {
        return switch (taskType) {
            case "embedding" -> EMBEDDING;
            case "image_classification" -> IMAGE_CLASSIFICATION;
            case "onnx" -> ONNX;
            case "text_generation" -> TEXT_GENERATION;
            default -> throw new IllegalArgumentException("unknown task type '" + taskType
                    + "' (expected embedding, image_classification, onnx or text_generation)");
        };
    }

    /** 2 x parameters x tokens: the forward pass's multiply-adds, counted as two FLOPs each. */
    public static long trueEstimate(long parameters, int tokens) {
        return 2L * parameters * tokens;
    }
}
