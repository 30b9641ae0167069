package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.rpc.InferenceTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskTriageTest {
    private static InferenceTask task(String type, String model) {
        return new InferenceTask(new byte[32], 1, type, new ModelId(model, "v1.0"), new byte[0], Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource({
            "embedding, qfc-embed-small",
            "embedding, qfc-embed-medium",
            "embedding, qfc-classify-small"})
    void runsTheBertEmbeddingModels(String type, String model) {
        assertThat(new TaskTriage().whyNotRun(task(type, model))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "speech_to_text | qfc-whisper-base | this miner does not run qfc-whisper-base yet (speech to text)",
            "speech_to_text | qfc-whisper-large | this miner does not run qfc-whisper-large yet (speech to text)",
            "embedding | qfc-llm-0.5b | this miner does not run qfc-llm-0.5b yet (a text-generation model handed out as an embedding task)",
            "text_generation | qfc-llm-7b | this miner does not run qfc-llm-7b yet (a text-generation model)",
            "image_generation | qfc-sd-1.5 | this miner does not run image_generation tasks yet (model qfc-sd-1.5)",
            "embedding | some-new-model | this miner does not run some-new-model yet (not a model it knows)",
            "text_generation | qfc-embed-small | this miner does not run text_generation tasks yet (model qfc-embed-small)"})
    void skipsWhatItCannotRunByTypeAndModel(String type, String model, String reason) {
        assertThat(new TaskTriage().whyNotRun(task(type, model))).hasValue(reason);
    }
}
