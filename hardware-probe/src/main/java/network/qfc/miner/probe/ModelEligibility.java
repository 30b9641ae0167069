package network.qfc.miner.probe;

import java.util.Optional;

/**
 * Whether this machine may run one approved model, and if not, why.
 *
 * @param model  the model's requirements
 * @param mayRun tier and memory are both enough
 * @param reason what is missing, in the user's words; empty when it may run
 */
public record ModelEligibility(ModelRequirement model, boolean mayRun, Optional<String> reason) {
}
