package network.qfc.miner.app.desktop.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ProofLayout;

/** One proof's detail as label/value lines: what was computed, what was signed and sent, what the node said. */
public final class ProofDetail {
    private ProofDetail() {
    }

    /**
     * The lines for {@code entry}; the proof bytes are decoded, when present, in {@code layout}: the one the journal
     * says they were encoded in (A for rows written before layouts were journaled).
     */
    public static List<Map.Entry<String, String>> lines(JournalEntry entry, ProofLayout layout) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        add(out, "Task", entry.taskId());
        add(out, "State", entry.state().name().toLowerCase(java.util.Locale.ROOT));
        add(out, "Model", entry.task().modelName() + "@" + entry.task().modelVersion());
        add(out, "Epoch", Long.toString(entry.task().epoch()));
        add(out, "Input size", entry.task().inputSize() + " bytes");
        add(out, "Deadline", Instant.ofEpochMilli(entry.task().deadlineMs()).toString());
        if (entry.outputHash() != null) {
            add(out, "Output hash", entry.outputHash());
        }
        if (entry.executionMs() != null) {
            add(out, "Inference", entry.executionMs() + " ms on " + entry.backend());
        }
        if (entry.proofBytes() != null) {
            try {
                InferenceProof p = InferenceProof.decode(entry.proofBytes(), layout);
                add(out, "Validator", p.validator().toString());
                add(out, "Proof epoch", Long.toString(p.epoch()));
                add(out, "Task type", p.taskType().taskTypeName() + p.taskType().modelId().map(m -> " " + m).orElse(""));
                if (p.taskType() instanceof ComputeTaskType.Embedding e) {
                    add(out, "Input hash", Hex.encode(e.inputHash()));
                }
                add(out, "FLOPs reported", Long.toUnsignedString(p.flopsEstimated()));
                add(out, "Signed at", Instant.ofEpochSecond(p.timestamp()).toString());
                add(out, "Signature", Hex.encode(p.signature()));
                add(out, "Layout", layout.displayName());
            } catch (IllegalArgumentException e) {
                add(out, "Proof", "could not be decoded: " + e.getMessage());
            }
            add(out, "Proof bytes", entry.proofBytes().length + " bytes: " + Hex.encode(entry.proofBytes()));
        }
        add(out, "Attempts", Long.toString(entry.attempts()));
        if (entry.accepted() != null) {
            add(out, "Node's answer", DashboardFormat.outcome(entry.accepted(), Boolean.TRUE.equals(entry.spotChecked())));
            add(out, "Node's message", entry.nodeMessage() == null ? "" : entry.nodeMessage());
            String plain = DashboardFormat.plainMessage(entry.nodeMessage());
            if (!plain.equals(entry.nodeMessage())) {
                add(out, "In plain words", plain);
            }
        }
        if (entry.failureReason() != null) {
            add(out, "Why it failed", entry.failureReason());
        }
        return out;
    }

    private static void add(List<Map.Entry<String, String>> out, String k, String v) {
        out.add(Map.entry(k, v));
    }
}
