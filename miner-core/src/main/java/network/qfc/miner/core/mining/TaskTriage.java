package network.qfc.miner.core.mining;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import network.qfc.miner.core.protocol.rpc.InferenceTask;

/**
 * Which tasks this miner runs, decided by task type AND model before any inference: embedding tasks of the approved
 * BERT models (qfc-embed-small, qfc-embed-medium, qfc-classify-small on the embedding path). Everything else a newer
 * node hands out (speech_to_text with qfc-whisper-*, an "embedding" task whose model is an LLM such as qfc-llm-0.5b,
 * image generation, a type or model it has never heard of) is skipped with a reason a person understands: never a
 * failure, never a proof.
 */
public final class TaskTriage {
    /** The models the embedding engine runs. */
    static final Set<String> BERT_MODELS = Set.of("qfc-embed-small", "qfc-embed-medium", "qfc-classify-small");

    /** Why this miner does not run {@code task}, or empty when it does. */
    public Optional<String> whyNotRun(InferenceTask task) {
        String type = task.taskType().toLowerCase(Locale.ROOT);
        String model = task.model().name();
        boolean embedding = type.equals("embedding");
        if (embedding && BERT_MODELS.contains(model)) {
            return Optional.empty();
        }
        String m = model.toLowerCase(Locale.ROOT);
        if (m.startsWith("qfc-whisper") || type.equals("speech_to_text")) {
            return Optional.of("this miner does not run " + model + " yet (speech to text)");
        }
        if (m.startsWith("qfc-llm")) {
            return Optional.of("this miner does not run " + model + " yet (a text-generation model"
                    + (embedding ? " handed out as an embedding task)" : ")"));
        }
        if (!embedding) {
            return Optional.of("this miner does not run " + task.taskType() + " tasks yet (model " + model + ")");
        }
        return Optional.of("this miner does not run " + model + " yet (not a model it knows)");
    }
}
