package network.qfc.miner.probe;

/** Who reported a GPU's memory: {@code nvidia-smi} is a fact, OSHI is a hint (capped at 4 GB on some drivers). */
public enum VramSource {
    NVIDIA_SMI,
    OSHI
}
