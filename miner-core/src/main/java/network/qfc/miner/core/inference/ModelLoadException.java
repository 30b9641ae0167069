package network.qfc.miner.core.inference;

import java.nio.file.Path;

/** A model folder cannot be loaded: the message names the file ({@code model.onnx}, {@code tokenizer.json}) at fault. */
public final class ModelLoadException extends InferenceException {
    private final Path file;

    public ModelLoadException(Path file, String what, Throwable cause) {
        super("cannot load " + file + ": " + what + " (download the model again: models pull)", cause);
        this.file = file;
    }

    /** The file that could not be read or parsed. */
    public Path file() {
        return file;
    }
}
