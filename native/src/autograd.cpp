// Backward passes and gradients with respect to arbitrary inputs (FGSM, PGD, input-gradient metrics).
#include "common.h"

extern "C" {

int sg_backward(sg_tensor t, sg_tensor grad, int retain_graph) {
    try {
        at::Tensor gradient = grad == nullptr ? at::Tensor() : grad->tensor;
        sg::unwrap(t).backward(gradient, retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt, false);
        return 0;
    }
    SG_CATCH(-1)
}

sg_tensor sg_grad(sg_tensor t) {
    try {
        const auto& g = sg::unwrap(t).grad();
        if (!g.defined()) return nullptr;
        return sg::wrap(g);
    }
    SG_CATCH(nullptr)
}

int sg_set_grad(sg_tensor t, sg_tensor grad) {
    try {
        auto& slot = sg::unwrap(t).mutable_grad();
        if (grad == nullptr) {
            slot.reset();
        } else {
            slot = grad->tensor;
        }
        return 0;
    }
    SG_CATCH(-1)
}

int sg_autograd_grad(const sg_tensor* outputs, int32_t n_out, const sg_tensor* inputs, int32_t n_in,
                     const sg_tensor* grad_outputs, int retain_graph, int create_graph, int allow_unused,
                     sg_tensor* results) {
    try {
        std::vector<at::Tensor> outs, ins, gouts;
        for (int32_t i = 0; i < n_out; ++i) outs.push_back(sg::unwrap(outputs[i]));
        for (int32_t i = 0; i < n_in; ++i) ins.push_back(sg::unwrap(inputs[i]));
        if (grad_outputs != nullptr) {
            for (int32_t i = 0; i < n_out; ++i) gouts.push_back(grad_outputs[i] == nullptr ? at::Tensor() : grad_outputs[i]->tensor);
        }
        auto grads = torch::autograd::grad(outs, ins, gouts, retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt,
                                           create_graph != 0, allow_unused != 0);
        for (int32_t i = 0; i < n_in; ++i) {
            results[i] = grads[static_cast<size_t>(i)].defined() ? sg::wrap(grads[static_cast<size_t>(i)]) : nullptr;
        }
        return 0;
    }
    SG_CATCH(-1)
}

}  // extern "C"
