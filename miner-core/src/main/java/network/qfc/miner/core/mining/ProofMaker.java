package network.qfc.miner.core.mining;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import network.qfc.miner.core.inference.EmbeddingResult;
import network.qfc.miner.core.inference.FlopsEstimate;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.core.protocol.rpc.InferenceTask;

/**
 * Runs a task and signs its proof exactly as the node expects: the canonical embedding, output hash = BLAKE3 of the
 * output vector's bytes, the task id in the proof's {@code input_hash}, BLAKE3(input) inside the task type, the
 * node's expected FLOPs for the task type, the epoch the node expects (the task's own, see {@link NodeEpoch}), the backend that really ran, and the signature over
 * BLAKE3 of the unsigned Borsh bytes. Thread-safe (the engine is).
 */
public final class ProofMaker {
    private final InferenceEngine engine;
    private final ModelFolders folders;
    private final ValidatorKey key;
    private final Clock clock;
    private final OutputTamper tamper;
    private final NodeEpoch epochs;
    private final java.util.function.Supplier<network.qfc.miner.core.protocol.ProofLayout> layout;

    /**
     * @param clock  stamps proofs: the node's time as estimated ({@link NodeClock#clock()}), so a computer whose clock
     *               is off still meets a C node's 120 s / 10 s rule
     * @param epochs the epoch an A node expects for a task's epoch (the task's own until such a node says otherwise)
     * @param layout the proof layout to encode in (the node's, negotiated: {@link LayoutNegotiator#current()})
     */
    public ProofMaker(InferenceEngine engine, ModelFolders folders, ValidatorKey key, Clock clock, OutputTamper tamper,
                      NodeEpoch epochs, java.util.function.Supplier<network.qfc.miner.core.protocol.ProofLayout> layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.epochs = Objects.requireNonNull(epochs, "epochs");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tamper = Objects.requireNonNull(tamper, "tamper");
    }

    /**
     * Infers and signs.
     *
     * @throws UnsupportedTaskException for a task type other than embedding, or a model this miner does not have
     * @throws network.qfc.miner.core.inference.InferenceException when the input or the engine fails
     */
    public SignedProof make(InferenceTask task) {
        if (!task.isEmbedding()) {
            throw new UnsupportedTaskException("task type '" + task.taskType()
                    + "' is not run by this miner (it runs embedding tasks)");
        }
        Path dir;
        try {
            dir = folders.folderOf(task.model());
        } catch (IllegalStateException e) {
            throw new UnsupportedTaskException(e.getMessage());
        }
        byte[] input = task.inputData();
        EmbeddingResult r = engine.embed(task.model(), dir, input);
        byte[] output = tamper.apply(r.outputBytes());
        byte[] outputHash = output == r.outputBytes() ? r.outputHash() : Blake3.hash(output);
        long executionMs = Math.max(1, Math.round(r.inferenceNanos() / 1e6));
        long flops = FlopsEstimate.nodeExpected(task.taskType());
        InferenceProof proof = InferenceProof.unsigned(layout.get(), key.address(), epochs.forTask(task.epoch()),
                new ComputeTaskType.Embedding(task.model(), Blake3.hash(input)), task.taskId(), outputHash,
                executionMs, flops, r.backend(), clock.millis() / 1000).signedBy(key);
        return new SignedProof(task, proof, proof.toBytes(), output, Hex.encode(outputHash), executionMs, flops,
                r.backend().wireName());
    }
}
