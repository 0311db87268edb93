// TorchSharp's PyTorch-shaped names (torch.*, nn.*, Tensor) in every file of the science, as in
// TorchSharp's own samples; Module is the classifier shape every model and condition works with.
global using TorchSharp;
global using static TorchSharp.torch;
global using Module = TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>;
