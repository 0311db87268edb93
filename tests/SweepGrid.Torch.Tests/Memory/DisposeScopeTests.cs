namespace SweepGrid.Torch.Tests.Memory;

/// <summary>Ownership rules of <see cref="DisposeScope"/>; these observe IsDisposed, so they can run alongside other tests.</summary>
public class DisposeScopeTests
{
    [Fact]
    public void Tensors_created_outside_any_scope_belong_to_the_caller()
    {
        using var t = Tensor.Ones([1]);
        Assert.Null(t.Scope);
    }

    [Fact]
    public void An_inner_scope_frees_only_its_own_tensors()
    {
        using var outer = DisposeScope.Begin();
        var outerTensor = Tensor.Ones([1]);
        Tensor innerTensor;
        using (var inner = DisposeScope.Begin())
        {
            innerTensor = outerTensor * 2.0;
            Assert.Same(inner, innerTensor.Scope);
            Assert.Same(outer, inner.Outer);
        }
        Assert.True(innerTensor.IsDisposed, "the inner scope should have freed its tensor");
        Assert.False(outerTensor.IsDisposed, "the inner scope freed a tensor of the outer one");
        Assert.Same(outer, DisposeScope.Current);
        outer.Dispose();
        Assert.True(outerTensor.IsDisposed);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void Move_to_outer_scope_hands_the_tensor_one_level_out()
    {
        Tensor moved;
        using (var outer = DisposeScope.Begin())
        {
            using (DisposeScope.Begin())
            {
                moved = Tensor.Ones([2]).MoveToOuterDisposeScope();
                Assert.Same(outer, moved.Scope);
            }
            Assert.False(moved.IsDisposed, "a tensor moved to the outer scope was freed by the inner one");
            Assert.Equal([1f, 1f], moved.ToArray<float>());
        }
        Assert.True(moved.IsDisposed, "the outer scope should free the moved tensor");
    }

    [Fact]
    public void Moving_out_of_the_outermost_scope_gives_the_tensor_to_the_caller()
    {
        Tensor result;
        using (DisposeScope.Begin())
        {
            result = Tensor.Ones([1]).MoveToOuterDisposeScope();
            Assert.Null(result.Scope);
        }
        Assert.False(result.IsDisposed);
        result.Dispose();
    }

    [Fact]
    public void Detached_tensors_survive_every_scope_until_disposed_by_hand()
    {
        Tensor detached;
        using (DisposeScope.Begin())
        {
            using (DisposeScope.Begin())
            {
                detached = Tensor.Ones([1]).DetachFromDisposeScope();
                Assert.Null(detached.Scope);
            }
        }
        Assert.False(detached.IsDisposed, "a detached tensor was freed by a scope");
        detached.Dispose();
        Assert.True(detached.IsDisposed);
    }

    [Fact]
    public void A_tensor_disposed_by_hand_inside_a_scope_is_not_disposed_again()
    {
        using var scope = DisposeScope.Begin();
        var t = Tensor.Ones([1]);
        t.Dispose();
        scope.Dispose();
        Assert.True(t.IsDisposed);
    }

    [Fact]
    public void Disposing_an_outer_scope_before_its_inner_one_is_refused_and_can_be_retried_in_order()
    {
        var outer = DisposeScope.Begin();
        var t = Tensor.Ones([1]);
        var inner = DisposeScope.Begin();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        Assert.False(t.IsDisposed, "a refused dispose freed the outer scope's tensor");
        inner.Dispose();
        Assert.Same(outer, DisposeScope.Current);
        outer.Dispose();
        Assert.True(t.IsDisposed, "disposing the outer scope in the right order should free its tensor");
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void Scopes_are_per_thread()
    {
        using var scope = DisposeScope.Begin();
        Tensor fromOtherThread = null!;
        var thread = new Thread(() => fromOtherThread = Tensor.Ones([1]));
        thread.Start();
        thread.Join();
        Assert.Null(fromOtherThread.Scope);
        scope.Dispose();
        Assert.False(fromOtherThread.IsDisposed, "a scope on one thread freed a tensor created on another");
        fromOtherThread.Dispose();
    }
}
