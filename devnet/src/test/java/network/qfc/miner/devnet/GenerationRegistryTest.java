package network.qfc.miner.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalDouble;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.core.protocol.SignedPayloads;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The newer generations' miner registry over real JSON-RPC on loopback: publicKey required and checked, standalone
 * miners, the GPU-name bands, "Unknown miner — register first", status reports for validators only, forgetting as a
 * restart does; and the tasks a miner cannot run, counted.
 */
class GenerationRegistryTest {
    private static final byte[] HASH = TestMiner.filled((byte) 0xab);
    private final ManualClock clock = new ManualClock(1_800_000_000_000L);
    private final ValidatorKey validatorKey = ValidatorKey.generate(new SecureRandom());
    private final List<DevnetEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DevnetNode node;
    private RpcClient rpc;

    private void start(DevnetConfig config) {
        node = DevnetNode.start(config.withPort(0).withClock(clock).withChallengeRate(OptionalDouble.of(0))
                .withValidatorPublicKeys(List.of(validatorKey.publicKeyHex())));
        rpc = new RpcClient(node.url());
        node.addListener(e -> {
            if (e instanceof DevnetEvent.RegistrationsForgotten) {
                events.add(e);
            }
        });
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private TestMiner standalone() {
        return new TestMiner(ValidatorKey.generate(new SecureRandom()), rpc);
    }

    private InferenceProof proof(TestMiner m, JsonNode task) {
        return m.proofIn(ProofLayout.C, task, HASH, 0, node.nodeTimeMs() / 1000);
    }

    @Test
    void aStandaloneMinerRegistersWithItsPublicKeyAndMines() {
        start(DevnetConfig.defaults().withGeneration(NodeGeneration.LATEST));
        TestMiner m = standalone();
        JsonNode task = m.fetchTask();
        JsonNode unknown = m.submit(task, proof(m, task), null);
        assertThat(unknown.get("accepted").asBoolean()).isFalse();
        assertThat(unknown.get("message").asText()).isEqualTo("Unknown miner \u2014 register first via qfc_registerMiner");

        ObjectNode reg = m.registration("NVIDIA GeForce RTX 4060", 2500);
        reg.put("os", "linux").put("arch", "x86_64").put("cpuModel", "Test CPU").put("cpuCores", 8)
                .put("totalMemoryMb", 16384).put("version", "0.1.0");
        JsonNode r = rpc.resultWith("qfc_registerMiner", reg);
        assertThat(r.get("registered").asBoolean()).isTrue();
        assertThat(r.get("assignedTier").asInt()).isEqualTo(1);
        assertThat(r.get("message").asText()).isEqualTo("Registered as T1");
        assertThat(node.standing(m.key.address())).as("no stake, not a validator").isEmpty();

        JsonNode accepted = m.submit(task, proof(m, task), null);
        assertThat(accepted.get("accepted").asBoolean()).isTrue();
        assertThat(accepted.get("rewardEstimate").asText()).startsWith("0x");

        JsonNode listed = rpc.result("qfc_getRegisteredMiners", null);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("address").asText()).isEqualTo(m.key.address().toString());
        assertThat(listed.get(0).get("os").asText()).isEqualTo("linux");
        assertThat(listed.get(0).get("cpuCores").asInt()).isEqualTo(8);
        assertThat(listed.get(0).get("registeredAt").asLong()).isEqualTo(clock.millis());

        // the status report still looks in the validator set only
        ObjectNode status = RpcClient.JSON.createObjectNode();
        status.put("minerAddress", m.key.address().hex());
        status.putArray("loadedModels");
        status.put("pendingTasks", 0);
        status.put("signature", Hex.encode(m.key.signBlake3(SignedPayloads.reportStatusMessage(m.key.address(), 0))));
        assertThat(rpc.resultWith("qfc_reportMinerStatus", status).asBoolean()).isFalse();
    }

    @Test
    void thePublicKeyIsRequiredAndMustBeTheAddresses() {
        start(DevnetConfig.defaults().withGeneration(NodeGeneration.ROCM));
        TestMiner m = standalone();
        ObjectNode missing = m.registration("CPU", 100);
        missing.remove("publicKey");
        JsonNode err = rpc.callWith("qfc_registerMiner", missing).get("error");
        assertThat(err.get("code").asInt()).isEqualTo(-32602);
        assertThat(err.get("data").asText()).contains("missing field `publicKey`");

        ObjectNode other = m.registration("CPU", 100);
        other.put("publicKey", ValidatorKey.generate(new SecureRandom()).publicKeyHex());
        JsonNode r = rpc.resultWith("qfc_registerMiner", other);
        assertThat(r.get("registered").asBoolean()).isFalse();
        assertThat(r.get("message").asText()).isEqualTo("Public key does not match miner address");

        ObjectNode badSig = m.registration("CPU", 100);
        badSig.put("benchmarkScore", 101);
        assertThat(rpc.resultWith("qfc_registerMiner", badSig).get("message").asText()).isEqualTo("Invalid signature");
        assertThat(rpc.call("qfc_getRegisteredMiners", null).get("error").get("code").asInt())
                .as("only the newest nodes list miners").isEqualTo(-32601);
    }

    @Test
    void theGpuNameBandsRefuseAnHonestHighScoreButTheKeyIsAlreadyKept() {
        start(DevnetConfig.defaults().withGeneration(NodeGeneration.LATEST));
        TestMiner m = standalone();
        long[][] bands = {{2000, 3500}, {4000, 5500}, {6000, 7500}, {7500, 9000}, {9000, 10000}};
        String[] names = {"RTX 4060", "RTX 3090", "NVIDIA GeForce RTX 4090", "NVIDIA A100-SXM4-80GB", "H100 PCIe"};
        for (int i = 0; i < names.length; i++) {
            assertThat(m.register(names[i], bands[i][0]).get("registered").asBoolean()).as(names[i]).isTrue();
            assertThat(m.register(names[i], bands[i][1]).get("registered").asBoolean()).as(names[i]).isTrue();
            JsonNode above = m.register(names[i], bands[i][1] + 1);
            assertThat(above.get("registered").asBoolean()).as(names[i]).isFalse();
            assertThat(above.get("message").asText()).isEqualTo("Benchmark score does not match GPU model");
        }
        assertThat(m.register("AMD Radeon RX 7900 XTX", 10_000).get("registered").asBoolean()).isTrue();

        TestMiner refusedOnly = standalone();
        assertThat(refusedOnly.register("RTX 4090", 9500).get("registered").asBoolean()).isFalse();
        JsonNode task = refusedOnly.fetchTask();
        assertThat(refusedOnly.submit(task, proof(refusedOnly, task), null).get("accepted").asBoolean())
                .as("qfc-core stores the key before the score check").isTrue();
    }

    @Test
    void forgettingEveryNProofsIsARestartForTheRegistryOnly() {
        start(DevnetConfig.defaults().withGeneration(NodeGeneration.LATEST).withForgetRegistrationsEvery(2));
        TestMiner m = standalone();
        TestMiner validator = new TestMiner(validatorKey, rpc);
        assertThat(m.register("CPU", 100).get("registered").asBoolean()).isTrue();
        JsonNode t1 = m.fetchTask();
        JsonNode t2 = m.fetchTask();
        JsonNode t3 = m.fetchTask();
        assertThat(m.submit(t1, proof(m, t1), null).get("accepted").asBoolean()).isTrue();
        assertThat(m.submit(t2, proof(m, t2), null).get("accepted").asBoolean()).isTrue();
        assertThat(node.registry().timesForgotten()).isEqualTo(1);
        assertThat(events).containsExactly(new DevnetEvent.RegistrationsForgotten(2));
        JsonNode forgotten = m.submit(t3, proof(m, t3), null);
        assertThat(forgotten.get("accepted").asBoolean()).isFalse();
        assertThat(forgotten.get("message").asText()).startsWith("Unknown miner");
        // a validator is found in the validator set whatever the registry forgot
        JsonNode vt = validator.fetchTask();
        assertThat(validator.submit(vt, proof(validator, vt), null).get("accepted").asBoolean()).isTrue();
        assertThat(m.register("CPU", 100).get("registered").asBoolean()).isTrue();
        assertThat(m.submit(t3, proof(m, t3), null).get("accepted").asBoolean()).as("the same task, resent").isTrue();
    }

    @Test
    void v20KnowsValidatorsOnly() {
        start(DevnetConfig.defaults().withGeneration(NodeGeneration.V2_0));
        TestMiner m = standalone();
        JsonNode r = m.register("CPU", 100);
        assertThat(r.get("registered").asBoolean()).isFalse();
        assertThat(r.get("message").asText()).isEqualTo("Unknown validator address");
        JsonNode task = m.fetchTask();
        InferenceProof p = m.proofIn(ProofLayout.A, task, HASH, node.currentEpoch(), 0);
        assertThat(m.submit(task, p, null).get("message").asText()).isEqualTo("Unknown validator");
    }

    @Test
    void speechAndLlmTasksAreHandedOutCountedAndTheirProofsChecked() {
        start(DevnetConfig.defaults().withGeneration(NodeGeneration.LATEST).withSpeechRate(0.5).withLlmRate(0.3));
        TestMiner m = standalone();
        m.register("CPU", 100);
        int speech = 0;
        int llm = 0;
        int embeddings = 0;
        JsonNode speechTask = null;
        JsonNode llmTask = null;
        for (int i = 0; i < 200; i++) {
            JsonNode t = m.fetchTask();
            String type = t.get("taskType").asText();
            String model = t.get("modelName").asText();
            if (type.equals("speech_to_text")) {
                assertThat(model).isEqualTo("qfc-whisper-base");
                byte[] pcm = Hex.decode("inputData", t.get("inputData").asText());
                assertThat(pcm.length).isEqualTo(32_000); // 8000 f32 samples: 0.5 s at 16 kHz
                ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
                float max = 0;
                while (b.hasRemaining()) {
                    max = Math.max(max, Math.abs(b.getFloat()));
                }
                assertThat(max).isBetween(0.2f, 0.26f);
                speech++;
                speechTask = t;
            } else if (model.equals("qfc-llm-0.5b")) {
                assertThat(type).isEqualTo("embedding");
                llm++;
                llmTask = t;
            } else {
                assertThat(model).isEqualTo("qfc-embed-small");
                embeddings++;
            }
        }
        assertThat(speech).isBetween(70, 130);
        assertThat(llm).isBetween(35, 85);
        assertThat(embeddings).isPositive();
        assertThat(node.unrunnableTasksIssued()).isEqualTo(speech + llm);
        assertThat(node.proofsForUnrunnableTasks()).isZero();

        // a miner that did send proofs for them is answered as the node would: checked, not re-executed
        byte[] audio = Hex.decode("inputData", speechTask.get("inputData").asText());
        InferenceProof speechProof = InferenceProof.unsigned(ProofLayout.C, m.key.address(), 0,
                new ComputeTaskType.SpeechToText(new ModelId("qfc-whisper-base", "v1.0"), Blake3.hash(audio), "en"),
                Hex.decode("taskId", speechTask.get("taskId").asText()), HASH, 40, 4_000_000_000L, ComputeBackend.CPU,
                node.nodeTimeMs() / 1000).signedBy(m.key);
        assertThat(m.submit(speechTask, speechProof, null).get("accepted").asBoolean()).isTrue();
        InferenceProof llmProof = m.proofIn(ProofLayout.C, llmTask, HASH, 0, node.nodeTimeMs() / 1000);
        assertThat(m.submit(llmTask, llmProof, null).get("accepted").asBoolean()).isTrue();
        assertThat(node.proofsForUnrunnableTasks()).isEqualTo(2);
    }
}
