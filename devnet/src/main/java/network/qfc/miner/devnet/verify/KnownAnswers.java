package network.qfc.miner.devnet.verify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.ModelId;

/**
 * The expected outputs of the known-answer challenges, computed once per (model, input) with the devnet's engine
 * and kept (the node pre-computes its challenge pool the same way at start-up).
 */
final class KnownAnswers {
    private final Optional<SpotCheckVerifier> engine;
    private final Map<String, SpotCheckVerifier.Reference> answers = new ConcurrentHashMap<>();

    KnownAnswers(Optional<SpotCheckVerifier> engine) {
        this.engine = engine;
    }

    Optional<SpotCheckVerifier.Reference> answer(ModelId model, byte[] input) {
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        String key = model + "/" + Hex.encode(input);
        SpotCheckVerifier.Reference known = answers.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SpotCheckVerifier.Reference> computed = engine.get().reexecute(model, input);
        computed.ifPresent(r -> answers.put(key, r));
        return computed;
    }
}
