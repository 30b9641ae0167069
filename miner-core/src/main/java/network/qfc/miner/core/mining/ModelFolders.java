package network.qfc.miner.core.mining;

import java.nio.file.Path;
import network.qfc.miner.core.protocol.ModelId;

/** Where an installed model's files are ({@code model.onnx} + {@code tokenizer.json}); the model cache answers it. */
@FunctionalInterface
public interface ModelFolders {

    /**
     * The folder of {@code model}.
     *
     * @throws IllegalStateException when this miner does not have the model (the message says which and what to do)
     */
    Path folderOf(ModelId model);
}
