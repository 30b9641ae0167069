package network.qfc.miner.models;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One approved model of the registry: its QFC reference, where it lives on the Hugging Face Hub (repository and
 * revision; {@code pinned} is false when the revision is a branch such as {@code main} rather than a verified commit),
 * the files to fetch, the output dimension, the minimum memory and tier as the v2.0 documentation and as the node
 * state them (the node's figures are the ones used for assignment), an optional offline seed, and whether the node
 * still approves it (a model the node withdrew is shown but not mined).
 */
public record ApprovedModel(ModelRef ref, String hfRepo, String revision, boolean pinned, String note,
                            List<ModelFile> files, int dimension,
                            long minMemoryMbDoc, long minMemoryMbNode, MinTier minTierDoc, MinTier minTierNode,
                            SeedSource seed, boolean approved) {
    public ApprovedModel {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(hfRepo, "hfRepo");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(minTierDoc, "minTierDoc");
        Objects.requireNonNull(minTierNode, "minTierNode");
        files = List.copyOf(files);
        if (!hfRepo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*") || hfRepo.contains("..")) {
            throw new UnsafePathException("invalid Hugging Face repository '" + hfRepo + "' for " + ref + ": expected owner/name");
        }
        if (!revision.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || revision.contains("..")) {
            throw new UnsafePathException("invalid revision '" + revision + "' for " + ref + ": a branch name or commit sha");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(ref + " lists no files");
        }
        if (files.stream().map(ModelFile::localName).distinct().count() != files.size()) {
            throw new IllegalArgumentException(ref + " lists the same local file name twice");
        }
    }

    /** The minimum memory used for assignment: the node's figure. */
    public long minMemoryMb() {
        return minMemoryMbNode;
    }

    /** The minimum tier used for assignment: the node's figure. */
    public MinTier minTier() {
        return minTierNode;
    }

    /** The offline seed, when the model has one. */
    public Optional<SeedSource> seedSource() {
        return Optional.ofNullable(seed);
    }

    /** The file with this local name, if the model has one. */
    public Optional<ModelFile> file(String localName) {
        return files.stream().filter(f -> f.localName().equals(localName)).findFirst();
    }

    /** Total bytes of the files whose size the registry knows; {@code -1} when any size is unknown. */
    public long knownTotalSize() {
        long sum = 0;
        for (ModelFile f : files) {
            if (f.size() == null) {
                return -1;
            }
            sum += f.size();
        }
        return sum;
    }

    /** A copy with the node's figures and approval. */
    public ApprovedModel withNode(long minMemoryMb, MinTier minTier, boolean approved) {
        return new ApprovedModel(ref, hfRepo, revision, pinned, note, files, dimension, minMemoryMbDoc, minMemoryMb,
                minTierDoc, minTier, seed, approved);
    }

    /** A copy marked approved or withdrawn, figures unchanged. */
    public ApprovedModel withApproved(boolean approved) {
        return new ApprovedModel(ref, hfRepo, revision, pinned, note, files, dimension, minMemoryMbDoc, minMemoryMbNode,
                minTierDoc, minTierNode, seed, approved);
    }
}
