"""Reference values for the SweepGrid metrics parity test.

Usage: /usr/bin/python3 metrics_parity.py INPUT.json OUTPUT.json

INPUT holds float32 logits [N][K], int labels [N] and pairs of anomaly-score lists; OUTPUT receives
the metrics computed the way the reference implementations do:
  - ECE/MCE/RMS on 15 bins as in Guo et al.'s temperature_scaling `_ECELoss` (in_bin = conf > lo and
    conf <= hi), in float64 so that the comparison is not blurred by float32 softmax rounding;
  - NLL with torch.nn.functional.cross_entropy (float64);
  - AUROC as the Mann-Whitney U with average ranks (numpy), OOD positive;
  - FPR at 95% TPR with Hendrycks' outlier-exposure `fpr_and_fdr_at_recall` (OOD positive);
  - adaptive RMS with Hendrycks' `calib_err(p='2', beta=100)` (which skips the last bin).
"""
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F


def guo_bins(logits, labels, n_bins=15):
    softmaxes = F.softmax(logits, dim=1)
    confidences, predictions = torch.max(softmaxes, 1)
    accuracies = predictions.eq(labels)
    boundaries = torch.linspace(0, 1, n_bins + 1, dtype=torch.float64)
    ece = torch.zeros(1, dtype=torch.float64)
    mce = torch.zeros(1, dtype=torch.float64)
    ms = torch.zeros(1, dtype=torch.float64)
    for lower, upper in zip(boundaries[:-1], boundaries[1:]):
        in_bin = confidences.gt(lower.item()) * confidences.le(upper.item())
        prop_in_bin = in_bin.double().mean()
        if prop_in_bin.item() > 0:
            accuracy_in_bin = accuracies[in_bin].double().mean()
            avg_confidence_in_bin = confidences[in_bin].mean()
            gap = torch.abs(avg_confidence_in_bin - accuracy_in_bin)
            ece += gap * prop_in_bin
            ms += gap * gap * prop_in_bin
            mce = torch.maximum(mce, gap)
    return ece.item(), mce.item(), torch.sqrt(ms).item(), confidences.numpy(), accuracies.numpy()


def average_ranks(values):
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(len(values), dtype=np.float64)
    start = 0
    while start < len(values):
        end = start + 1
        while end < len(values) and sorted_values[end] == sorted_values[start]:
            end += 1
        ranks[order[start:end]] = 0.5 * (start + 1 + end)
        start = end
    return ranks


def auroc(in_scores, out_scores):
    scores = np.concatenate([in_scores, out_scores])
    ranks = average_ranks(scores)
    n_in, n_out = len(in_scores), len(out_scores)
    u = ranks[n_in:].sum() - n_out * (n_out + 1) / 2.0
    return u / (n_in * n_out)


def fpr_and_fdr_at_recall(y_true, y_score, recall_level=0.95, pos_label=1.0):
    y_true = y_true == pos_label
    desc_score_indices = np.argsort(y_score, kind="mergesort")[::-1]
    y_score = y_score[desc_score_indices]
    y_true = y_true[desc_score_indices]
    distinct_value_indices = np.where(np.diff(y_score))[0]
    threshold_idxs = np.r_[distinct_value_indices, y_true.size - 1]
    tps = np.cumsum(y_true, dtype=np.float64)[threshold_idxs]
    fps = 1 + threshold_idxs - tps
    recall = tps / tps[-1]
    last_ind = tps.searchsorted(tps[-1])
    sl = slice(last_ind, None, -1)
    recall, fps = np.r_[recall[sl], 1], np.r_[fps[sl], 0]
    cutoff = np.argmin(np.abs(recall - recall_level))
    return fps[cutoff] / (np.sum(np.logical_not(y_true)))


def fpr95(in_scores, out_scores):
    scores = np.concatenate([out_scores, in_scores])
    labels = np.zeros(len(scores), dtype=np.int32)
    labels[: len(out_scores)] += 1
    return float(fpr_and_fdr_at_recall(labels, scores))


def calib_err(confidence, correct, beta=100):
    idxs = np.argsort(confidence)
    confidence = confidence[idxs]
    correct = correct[idxs]
    bins = [[i * beta, (i + 1) * beta] for i in range(len(confidence) // beta)]
    bins[-1] = [bins[-1][0], len(confidence)]
    cerr = 0
    total_examples = len(confidence)
    for i in range(len(bins) - 1):
        bin_confidence = confidence[bins[i][0] : bins[i][1]]
        bin_correct = correct[bins[i][0] : bins[i][1]]
        num_examples_in_bin = len(bin_confidence)
        if num_examples_in_bin > 0:
            difference = np.abs(np.nanmean(bin_confidence) - np.nanmean(bin_correct))
            cerr += num_examples_in_bin / total_examples * np.square(difference)
    return float(np.sqrt(cerr))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    # Parse as float32 first: the JSON holds the shortest text of each float32 value.
    logits = torch.tensor(data["logits"], dtype=torch.float32).double()
    labels = torch.tensor(data["labels"], dtype=torch.int64)
    ece, mce, rms, confidences, accuracies = guo_bins(logits, labels)
    result = {
        "ece_15": ece,
        "mce_15": mce,
        "rms_15": rms,
        "nll": F.cross_entropy(logits, labels).item(),
        "rms_adaptive100_skiplast": calib_err(confidences, accuracies.astype(np.float64)),
        "auroc": [],
        "fpr95": [],
    }
    for pair in data["ood_pairs"]:
        in_scores = np.asarray(pair["in"], dtype=np.float64)
        out_scores = np.asarray(pair["out"], dtype=np.float64)
        result["auroc"].append(float(auroc(in_scores, out_scores)))
        result["fpr95"].append(fpr95(in_scores, out_scores))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
