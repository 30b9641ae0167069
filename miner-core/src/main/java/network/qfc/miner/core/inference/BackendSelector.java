package network.qfc.miner.core.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.qfc.miner.core.protocol.ComputeBackend;

/**
 * Picks the execution provider for a preference: the one asked for when it starts, else CPU with the reason kept.
 * {@code auto} tries CUDA, then Metal, then CPU.
 */
public final class BackendSelector {
    private final List<ExecutionProvider> providers;

    public BackendSelector(List<ExecutionProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The outcome: the provider to run with and the selection to report. */
    public record Choice(ExecutionProvider provider, BackendSelection selection) {
    }

    public Choice select(BackendPreference preference) {
        List<ComputeBackend> order = switch (preference) {
            case AUTO -> List.of(ComputeBackend.CUDA, ComputeBackend.METAL);
            case CUDA -> List.of(ComputeBackend.CUDA);
            case METAL -> List.of(ComputeBackend.METAL);
            case CPU -> List.of();
        };
        List<String> reasons = new ArrayList<>();
        for (ComputeBackend wanted : order) {
            Optional<ExecutionProvider> p = find(wanted);
            if (p.isEmpty()) {
                reasons.add(wanted.wireName() + ": no provider for it in this build");
                continue;
            }
            String failure = tryStart(p.get());
            if (failure == null) {
                return new Choice(p.get(), new BackendSelection(preference, wanted, Optional.empty()));
            }
            reasons.add(wanted.wireName() + ": " + failure);
        }
        ExecutionProvider cpu = find(ComputeBackend.CPU)
                .orElseThrow(() -> new InferenceException("no CPU execution provider: the ONNX Runtime library is missing"));
        String cpuFailure = tryStart(cpu);
        if (cpuFailure != null) {
            throw new InferenceException("ONNX Runtime cannot run on the CPU: " + cpuFailure);
        }
        return new Choice(cpu, new BackendSelection(preference, ComputeBackend.CPU, reason(preference, reasons)));
    }

    private static Optional<String> reason(BackendPreference preference, List<String> reasons) {
        return switch (preference) {
            case CPU -> Optional.empty();
            case AUTO -> Optional.of("no GPU backend started (" + String.join("; ", reasons) + "): using CPU");
            default -> Optional.of(ComputeBackend.valueOf(preference.name()).wireName() + " requested but "
                    + reasons.get(0).substring(reasons.get(0).indexOf(": ") + 2) + ": using CPU");
        };
    }

    private Optional<ExecutionProvider> find(ComputeBackend backend) {
        return providers.stream().filter(p -> p.backend() == backend).findFirst();
    }

    /** Null when the provider starts, else its reason. */
    private static String tryStart(ExecutionProvider provider) {
        try (OrtSession.SessionOptions probe = new OrtSession.SessionOptions()) {
            provider.addTo(probe);
            return null;
        } catch (ExecutionProvider.ProviderUnavailableException e) {
            return e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
