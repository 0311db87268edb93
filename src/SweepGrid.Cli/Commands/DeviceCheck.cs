using System.Globalization;
using SweepGrid.Torch;

namespace SweepGrid.Cli.Commands;

/// <summary>Refuses a CUDA device this machine does not have at start (exit 2), instead of failing every trial later.</summary>
public static class DeviceCheck
{
    /// <exception cref="ArgumentException">The device is CUDA and no such device exists.</exception>
    public static void EnsureAvailable(Device device, string option)
    {
        if (device.Type != DeviceType.Cuda)
        {
            return;
        }
        var count = TorchRuntime.CudaIsAvailable ? TorchRuntime.CudaDeviceCount : 0;
        var index = Math.Max(0, device.Index);
        if (index >= count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{option} cuda:{index}: this machine has {count} CUDA device(s) available to libtorch; use {option} cpu or a device index below {count}"));
        }
    }
}
