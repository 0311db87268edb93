// Optimizers: libtorch's own torch::optim implementations, which mirror PyTorch's Python ones, so
// the update rule is libtorch's and not a re-implementation.
#include "common.h"

struct sg_optimizer_s {
    std::unique_ptr<torch::optim::Optimizer> optimizer;
};

namespace {
std::unique_ptr<torch::optim::Optimizer> make(int32_t kind, std::vector<at::Tensor> params, double lr, double momentum,
                                              double dampening, int nesterov, double beta1, double beta2, double eps,
                                              double weight_decay, int amsgrad) {
    switch (kind) {
        case 0:
            return std::make_unique<torch::optim::SGD>(
                params, torch::optim::SGDOptions(lr).momentum(momentum).dampening(dampening).nesterov(nesterov != 0).weight_decay(weight_decay));
        case 1:
            return std::make_unique<torch::optim::Adam>(
                params, torch::optim::AdamOptions(lr).betas(std::make_tuple(beta1, beta2)).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0));
        case 2:
            return std::make_unique<torch::optim::AdamW>(
                params, torch::optim::AdamWOptions(lr).betas(std::make_tuple(beta1, beta2)).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0));
        default:
            throw std::invalid_argument("optimizer kind must be 0 (SGD), 1 (Adam) or 2 (AdamW)");
    }
}
}  // namespace

extern "C" {

sg_optimizer sg_optimizer_new(int32_t kind, const sg_tensor* params, int32_t n, double lr, double momentum, double dampening,
                              int nesterov, double beta1, double beta2, double eps, double weight_decay, int amsgrad) {
    try {
        std::vector<at::Tensor> list;
        for (int32_t i = 0; i < n; ++i) list.push_back(sg::unwrap(params[i]));
        return new sg_optimizer_s{make(kind, std::move(list), lr, momentum, dampening, nesterov, beta1, beta2, eps, weight_decay, amsgrad)};
    }
    SG_CATCH(nullptr)
}

void sg_optimizer_free(sg_optimizer o) { delete o; }

int sg_optimizer_step(sg_optimizer o) { SG_RETURN_STATUS(o->optimizer->step()) }

int sg_optimizer_zero_grad(sg_optimizer o, int set_to_none) {
    try {
        // Explicit rather than Optimizer::zero_grad(), whose default differs between 1.13 and 2.x.
        for (auto& group : o->optimizer->param_groups()) {
            for (auto& p : group.params()) {
                auto& g = p.mutable_grad();
                if (!g.defined()) continue;
                if (set_to_none != 0) {
                    g.reset();
                } else {
                    g = g.detach();
                    g.zero_();
                }
            }
        }
        return 0;
    }
    SG_CATCH(-1)
}

int sg_optimizer_set_lr(sg_optimizer o, double lr) {
    try {
        for (auto& group : o->optimizer->param_groups()) group.options().set_lr(lr);
        return 0;
    }
    SG_CATCH(-1)
}

double sg_optimizer_get_lr(sg_optimizer o) {
    try {
        return o->optimizer->param_groups().at(0).options().get_lr();
    }
    SG_CATCH(std::numeric_limits<double>::quiet_NaN())
}

}  // extern "C"
