package network.qfc.miner.app.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import network.qfc.miner.probe.HardwareProbe;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.HardwareReportJson;
import network.qfc.miner.probe.TierAssessment;
import network.qfc.miner.probe.TierClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code probe [--json] [--max-memory MB]}: what this machine is, its node tier and the models it may mine. */
@Command(name = "probe",
        mixinStandardHelpOptions = true,
        description = "Show this machine's hardware, its QFC tier and which approved models it may run.")
public final class ProbeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with every field (unknowns as null).")
    boolean json;

    @Option(names = "--max-memory", paramLabel = "MB",
            description = "Memory of the accelerator to tier by, in MB (VRAM for CUDA, unified memory on a Mac, "
                    + "RAM on a CPU), when the probe's figure is wrong.")
    Long maxMemoryMb;

    private final Supplier<HardwareProbe> probes;

    /** The command on this machine's real hardware. */
    public ProbeCommand() {
        this(HardwareProbe::ofThisMachine);
    }

    ProbeCommand(Supplier<HardwareProbe> probes) {
        this.probes = probes;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (maxMemoryMb != null && maxMemoryMb <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-memory must be a positive number of MB, got " + maxMemoryMb);
        }
        HardwareReport report = probes.get().probe();
        TierAssessment assessment = new TierClassifier().assess(report, Optional.ofNullable(maxMemoryMb));
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(HardwareReportJson.toJson(report, assessment)));
        } else {
            spec.commandLine().getOut().print(ProbeSummary.format(report, assessment));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
