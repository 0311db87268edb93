// Linear algebra and the functional neural-network layer (PyTorch's torch.nn.functional).
#include "common.h"

extern "C" {

sg_tensor sg_matmul(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::matmul(sg::unwrap(a), sg::unwrap(b))) }

sg_tensor sg_linear(sg_tensor x, sg_tensor w, sg_tensor b) {
    SG_RETURN_TENSOR(at::linear(sg::unwrap(x), sg::unwrap(w), sg::optional(b)))
}

sg_tensor sg_conv2d(sg_tensor x, sg_tensor w, sg_tensor b, int64_t sh, int64_t sw, int64_t ph, int64_t pw,
                    int64_t dh, int64_t dw, int64_t groups) {
    SG_RETURN_TENSOR(at::conv2d(sg::unwrap(x), sg::unwrap(w), sg::optional(b), {sh, sw}, {ph, pw}, {dh, dw}, groups))
}

sg_tensor sg_max_pool2d(sg_tensor x, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw, int ceil_mode) {
    SG_RETURN_TENSOR(at::max_pool2d(sg::unwrap(x), {kh, kw}, {sh, sw}, {ph, pw}, {1, 1}, ceil_mode != 0))
}

sg_tensor sg_avg_pool2d(sg_tensor x, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw, int ceil_mode) {
    SG_RETURN_TENSOR(at::avg_pool2d(sg::unwrap(x), {kh, kw}, {sh, sw}, {ph, pw}, ceil_mode != 0, true))
}

sg_tensor sg_batch_norm(sg_tensor x, sg_tensor weight, sg_tensor bias, sg_tensor running_mean, sg_tensor running_var,
                        int training, double momentum, double eps) {
    SG_RETURN_TENSOR(at::batch_norm(sg::unwrap(x), sg::optional(weight), sg::optional(bias), sg::optional(running_mean),
                                    sg::optional(running_var), training != 0, momentum, eps, true))
}

sg_tensor sg_dropout(sg_tensor x, double p, int training, sg_generator g) {
    try {
        auto& input = sg::unwrap(x);
        if (p < 0.0 || p > 1.0) throw std::invalid_argument("dropout probability has to be between 0 and 1, but got " + std::to_string(p));
        if (training == 0 || p == 0.0) return sg::wrap(input);
        if (p == 1.0) return sg::wrap(input * at::zeros_like(input));
        // Same formula as at::dropout (inverted dropout), but the mask comes from the caller's
        // generator so that concurrent trainings stay reproducible.
        auto keep = 1.0 - p;
        auto mask = at::empty_like(input).bernoulli_(keep, sg::optional(g)).div_(keep);
        return sg::wrap(input * mask);
    }
    SG_CATCH(nullptr)
}

sg_tensor sg_softmax(sg_tensor x, int64_t dim) { SG_RETURN_TENSOR(at::softmax(sg::unwrap(x), dim)) }
sg_tensor sg_log_softmax(sg_tensor x, int64_t dim) { SG_RETURN_TENSOR(at::log_softmax(sg::unwrap(x), dim)) }

sg_tensor sg_cross_entropy(sg_tensor logits, sg_tensor target, int32_t reduction, double label_smoothing) {
    SG_RETURN_TENSOR(at::cross_entropy_loss(sg::unwrap(logits), sg::unwrap(target), c10::nullopt, sg::reduction(reduction), -100, label_smoothing))
}

sg_tensor sg_nll_loss(sg_tensor log_probs, sg_tensor target, int32_t reduction) {
    SG_RETURN_TENSOR(at::nll_loss(sg::unwrap(log_probs), sg::unwrap(target), c10::nullopt, sg::reduction(reduction), -100))
}

sg_tensor sg_mse_loss(sg_tensor input, sg_tensor target, int32_t reduction) {
    SG_RETURN_TENSOR(at::mse_loss(sg::unwrap(input), sg::unwrap(target), sg::reduction(reduction)))
}

sg_tensor sg_bce_loss(sg_tensor input, sg_tensor target, int32_t reduction) {
    SG_RETURN_TENSOR(at::binary_cross_entropy(sg::unwrap(input), sg::unwrap(target), c10::nullopt, sg::reduction(reduction)))
}

sg_tensor sg_pad2d(sg_tensor x, const int64_t* pads, int32_t mode, double value) {
    try {
        std::vector<int64_t> p(pads, pads + 4);
        switch (mode) {
            case 0: return sg::wrap(at::constant_pad_nd(sg::unwrap(x), p, value));
            case 1: return sg::wrap(at::reflection_pad2d(sg::unwrap(x), p));
            case 2: return sg::wrap(at::replication_pad2d(sg::unwrap(x), p));
            default: throw std::invalid_argument("pad mode must be 0 (constant), 1 (reflect) or 2 (replicate)");
        }
    }
    SG_CATCH(nullptr)
}

}  // extern "C"
