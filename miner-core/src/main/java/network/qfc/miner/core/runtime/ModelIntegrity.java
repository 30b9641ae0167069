package network.qfc.miner.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelRef;
import network.qfc.miner.models.VerifyResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an installed model against the SHA-256 of its install manifest before the engine loads it: a file changed on
 * disk since it was installed (a flipped bit, a half-written copy, an edit) computes wrong numbers, fails the node's
 * spot checks and gets the validator slashed and jailed. A damaged model is restored from the bundled copy when the
 * app carries one; otherwise it is removed, so that the cache installs it again (download). Costs one read of the
 * files (about 0.3 s for the 91 MB qfc-embed-small).
 *
 * <p>Use: {@code Optional<Path> dir = integrity.verified(ref)} where the runtime takes an INSTALLED model; an empty
 * answer means "install it again".
 */
public final class ModelIntegrity {
    private static final Logger LOG = LoggerFactory.getLogger(ModelIntegrity.class);

    private final ModelCache cache;
    private final Consumer<String> notice;

    /**
     * @param notice told, in the user's words, when a damaged model was found and what was done (e.g. published as a
     *               non-fatal error event)
     */
    public ModelIntegrity(ModelCache cache, Consumer<String> notice) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    /**
     * The model's folder when every file matches its manifest (after restoring it from the bundled copy if needed);
     * empty when it was damaged and could not be restored here (it was removed: install it again).
     *
     * @throws IllegalStateException when a damaged model can neither be restored nor removed
     */
    public Optional<Path> verified(ModelRef ref) {
        VerifyResult v = cache.verify(ref);
        if (v.ok()) {
            return Optional.of(cache.modelDir(ref));
        }
        String bad = v.badFiles().stream().map(VerifyResult.BadFile::name).collect(Collectors.joining(", "));
        if (cache.registry().find(ref).flatMap(m -> m.seedSource()).isPresent()) {
            try {
                cache.seedFromBundle(ref);
                if (cache.verify(ref).ok()) {
                    say("model " + ref + " was damaged on disk (" + bad + " did not match its checksum); restored it"
                            + " from the copy bundled with the app");
                    return Optional.of(cache.modelDir(ref));
                }
            } catch (IOException | RuntimeException e) {
                LOG.info("restoring {} from the bundle failed: {}", ref, e.getMessage());
            }
        }
        try {
            cache.remove(ref);
        } catch (IOException e) {
            throw new IllegalStateException("model " + ref + " is damaged on disk (" + bad + " did not match its"
                    + " checksum) and could not be removed: delete " + cache.modelDir(ref) + " and start again", e);
        }
        say("model " + ref + " was damaged on disk (" + bad + " did not match its checksum); removed it to install"
                + " it again");
        return Optional.empty();
    }

    private void say(String message) {
        LOG.warn(message);
        notice.accept(message);
    }
}
