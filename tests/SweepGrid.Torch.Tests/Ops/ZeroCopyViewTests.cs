using System.Runtime.CompilerServices;

namespace SweepGrid.Torch.Tests.Ops;

public class ZeroCopyViewTests
{
    [Fact]
    public void Writes_to_the_array_are_seen_by_the_tensor()
    {
        float[] data = [1f, 2f, 3f, 4f];
        using var t = Tensor.ViewOf(data, 2, 2);
        data[3] = 40f;
        Assert.Equal([1f, 2f, 3f, 40f], t.ToArray<float>());
    }

    [Fact]
    public void In_place_tensor_writes_land_in_the_array()
    {
        double[] data = [1.0, 2.0, 3.0];
        using var t = Tensor.ViewOf(data);
        t.Mul_(2);
        Assert.Equal([2.0, 4.0, 6.0], data);
        using var source = Tensor.From([7.0, 8.0, 9.0], 3);
        t.Copy_(source);
        Assert.Equal([7.0, 8.0, 9.0], data);
        t.Fill_(-1);
        Assert.Equal([-1.0, -1.0, -1.0], data);
    }

    [Fact]
    public void The_array_stays_alive_while_the_tensor_lives_and_is_released_after()
    {
        var (tensor, array) = ViewOfUnreachableArray(256);
        CollectEverything();
        Assert.True(array.IsAlive, "the viewed array was collected while a tensor still referenced its memory");
        var values = tensor.ToArray<long>();
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (long)i), values);

        tensor.Dispose();
        CollectEverything();
        Assert.False(array.IsAlive, "the array was still pinned after its only tensor was disposed");
    }

    [Fact]
    public void A_view_derived_from_the_tensor_keeps_the_array_alive_after_the_tensor_is_disposed()
    {
        var (tensor, array) = ViewOfUnreachableArray(16);
        using var tail = tensor.Narrow(0, 12, 4);
        tensor.Dispose();
        CollectEverything();
        Assert.True(array.IsAlive, "the array was released while a narrowed view of it was alive");
        Assert.Equal([12L, 13L, 14L, 15L], tail.ToArray<long>());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Tensor Tensor, WeakReference Array) ViewOfUnreachableArray(int length)
    {
        var data = Enumerable.Range(0, length).Select(i => (long)i).ToArray();
        return (Tensor.ViewOf(data), new WeakReference(data));
    }

    private static void CollectEverything()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
