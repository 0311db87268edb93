global using TorchSharp;
global using static TorchSharp.torch;
global using Module = TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>;
