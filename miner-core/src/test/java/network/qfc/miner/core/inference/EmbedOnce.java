package network.qfc.miner.core.inference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import network.qfc.miner.core.protocol.Hex;

/** A tiny main for the two-process determinism test: prints the output hash of each argument, one a line. */
public final class EmbedOnce {
    private EmbedOnce() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(System.getProperty("qfc.test.modelDir"));
        try (InferenceEngine engine = new InferenceEngine(TestModels.cpu(Integer.parseInt(System.getProperty("qfc.test.threads", "1"))))) {
            for (String a : args) {
                System.out.println(Hex.encode(engine.embed(TestModels.EMBED_SMALL, dir, a.getBytes(StandardCharsets.UTF_8)).outputHash()));
            }
        }
    }
}
