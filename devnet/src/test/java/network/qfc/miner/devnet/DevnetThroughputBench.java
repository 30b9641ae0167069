package network.qfc.miner.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import network.qfc.miner.core.inference.EmbeddingResult;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a test (no time is asserted): run with
 * {@code mvn -pl devnet -am test -Dtest=DevnetThroughputBench -Dqfc.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures in target/surefire-reports/*DevnetThroughputBench-output.txt.
 */
@EnabledIfSystemProperty(named = "qfc.bench", matches = "true")
class DevnetThroughputBench {

    @Test
    void figures() {
        for (double rate : new double[] {0.0, 1.0}) {
            ValidatorKey key = ValidatorKey.generate(new SecureRandom());
            DevnetConfig config = DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withPort(0).withChallengeRate(OptionalDouble.of(0))
                    .withSpotCheckRate(OptionalDouble.of(rate)).withValidatorPublicKeys(List.of(key.publicKeyHex()));
            try (DevnetNode node = DevnetNode.start(config, Optional.of(DevnetTestModels.verifier()));
                    InferenceEngine engine = new InferenceEngine(DevnetTestModels.cpu())) {
                TestMiner miner = new TestMiner(key, new RpcClient(node.url()));
                int n = 300;
                for (int i = 0; i < 50; i++) {
                    miner.fetchTask(); // warm-up
                }
                List<JsonNode> tasks = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    tasks.add(miner.fetchTask());
                }
                long fetchNs = System.nanoTime() - t0;
                List<InferenceProof> proofs = new ArrayList<>();
                List<byte[]> data = new ArrayList<>();
                long e0 = System.nanoTime();
                for (JsonNode t : tasks) {
                    EmbeddingResult r = engine.embed(DevnetTestModels.EMBED_SMALL, DevnetTestModels.embedSmall(),
                            Hex.decode("in", t.get("inputData").asText()));
                    proofs.add(miner.proof(t, r.outputHash()));
                    data.add(r.outputBytes());
                }
                long embedNs = System.nanoTime() - e0;
                long s0 = System.nanoTime();
                int accepted = 0;
                for (int i = 0; i < n; i++) {
                    accepted += miner.submit(tasks.get(i), proofs.get(i), data.get(i)).get("accepted").asBoolean() ? 1 : 0;
                }
                long submitNs = System.nanoTime() - s0;
                System.out.printf("BENCH spot-check rate %.1f: getInferenceTask %.2f ms/call, miner embed %.2f ms/task, "
                        + "submitInferenceProof %.2f ms/call, accepted %d/%d%n", rate, fetchNs / 1e6 / n,
                        embedNs / 1e6 / n, submitNs / 1e6 / n, accepted, n);
            }
        }
    }
}
