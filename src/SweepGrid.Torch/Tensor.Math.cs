using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

// Element-wise arithmetic, activations and comparisons. Every method returns a new tensor.
public sealed partial class Tensor
{
    private enum UnaryOp
    {
        Neg = 0, Abs, Exp, Log, Sqrt, Sign, Sigmoid, Tanh, Relu, Gelu, GeluTanh, Floor, Round, IsNan, IsFinite,
        LogicalNot, Square, Reciprocal, Log1p, Atanh,
    }

    private enum Comparison
    {
        Eq = 0, Ne, Lt, Le, Gt, Ge,
    }

    public Tensor Add(Tensor other, double alpha = 1) => Wrap(NativeMethods.sg_add(Handle, other.Handle, alpha), "add");
    public Tensor Sub(Tensor other, double alpha = 1) => Wrap(NativeMethods.sg_sub(Handle, other.Handle, alpha), "sub");
    public Tensor Mul(Tensor other) => Wrap(NativeMethods.sg_mul(Handle, other.Handle), "mul");
    public Tensor Div(Tensor other) => Wrap(NativeMethods.sg_div(Handle, other.Handle), "div");
    public Tensor Add(double scalar) => Wrap(NativeMethods.sg_add_scalar(Handle, scalar), "add");
    public Tensor Mul(double scalar) => Wrap(NativeMethods.sg_mul_scalar(Handle, scalar), "mul");
    public Tensor Div(double scalar) => Wrap(NativeMethods.sg_div_scalar(Handle, scalar), "div");
    public Tensor Pow(double exponent) => Wrap(NativeMethods.sg_pow_scalar(Handle, exponent), "pow");
    public Tensor Maximum(Tensor other) => Wrap(NativeMethods.sg_maximum(Handle, other.Handle), "maximum");
    public Tensor Minimum(Tensor other) => Wrap(NativeMethods.sg_minimum(Handle, other.Handle), "minimum");
    public Tensor Matmul(Tensor other) => Wrap(NativeMethods.sg_matmul(Handle, other.Handle), "matmul");

    /// <summary>In place: this += alpha·other (not recorded when autograd is off).</summary>
    public Tensor Add_(Tensor other, double alpha = 1)
    {
        NativeErrors.Check(NativeMethods.sg_add_(Handle, other.Handle, alpha), "add_");
        return this;
    }

    public Tensor Mul_(double scalar)
    {
        NativeErrors.Check(NativeMethods.sg_mul_scalar_(Handle, scalar), "mul_");
        return this;
    }

    public static Tensor Where(Tensor condition, Tensor whenTrue, Tensor whenFalse) =>
        Wrap(NativeMethods.sg_where(condition.Handle, whenTrue.Handle, whenFalse.Handle), "where");

    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);
    public static Tensor operator +(Tensor a, double s) => a.Add(s);
    public static Tensor operator +(double s, Tensor a) => a.Add(s);
    public static Tensor operator -(Tensor a, double s) => a.Add(-s);
    public static Tensor operator -(double s, Tensor a) => Wrap(NativeMethods.sg_rsub_scalar(a.Handle, s), "rsub");
    public static Tensor operator *(Tensor a, double s) => a.Mul(s);
    public static Tensor operator *(double s, Tensor a) => a.Mul(s);
    public static Tensor operator /(Tensor a, double s) => a.Div(s);
    public static Tensor operator -(Tensor a) => a.Neg();

    public Tensor Neg() => Unary(UnaryOp.Neg);
    public Tensor Abs() => Unary(UnaryOp.Abs);
    public Tensor Exp() => Unary(UnaryOp.Exp);
    public Tensor Log() => Unary(UnaryOp.Log);
    public Tensor Log1p() => Unary(UnaryOp.Log1p);
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);
    public Tensor Square() => Unary(UnaryOp.Square);
    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);
    /// <summary>sign(x), with sign(0) = 0 (what FGSM relies on).</summary>
    public Tensor Sign() => Unary(UnaryOp.Sign);
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);
    public Tensor Tanh() => Unary(UnaryOp.Tanh);
    public Tensor Atanh() => Unary(UnaryOp.Atanh);
    public Tensor Relu() => Unary(UnaryOp.Relu);
    /// <summary>GELU; exact (erf) by default, or the tanh approximation.</summary>
    public Tensor Gelu(bool tanhApproximation = false) => Unary(tanhApproximation ? UnaryOp.GeluTanh : UnaryOp.Gelu);
    public Tensor Floor() => Unary(UnaryOp.Floor);
    public Tensor Round() => Unary(UnaryOp.Round);
    public Tensor IsNan() => Unary(UnaryOp.IsNan);
    public Tensor IsFinite() => Unary(UnaryOp.IsFinite);
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);
    public Tensor LogicalAnd(Tensor other) => Wrap(NativeMethods.sg_logical_and(Handle, other.Handle), "logical_and");
    public Tensor LogicalOr(Tensor other) => Wrap(NativeMethods.sg_logical_or(Handle, other.Handle), "logical_or");

    public Tensor Eq(Tensor other) => Compare(other, Comparison.Eq);
    public Tensor Ne(Tensor other) => Compare(other, Comparison.Ne);
    public Tensor Lt(Tensor other) => Compare(other, Comparison.Lt);
    public Tensor Le(Tensor other) => Compare(other, Comparison.Le);
    public Tensor Gt(Tensor other) => Compare(other, Comparison.Gt);
    public Tensor Ge(Tensor other) => Compare(other, Comparison.Ge);
    public Tensor Eq(double s) => Compare(s, Comparison.Eq);
    public Tensor Ne(double s) => Compare(s, Comparison.Ne);
    public Tensor Lt(double s) => Compare(s, Comparison.Lt);
    public Tensor Le(double s) => Compare(s, Comparison.Le);
    public Tensor Gt(double s) => Compare(s, Comparison.Gt);
    public Tensor Ge(double s) => Compare(s, Comparison.Ge);

    /// <summary>Clamps to [min, max]; either bound may be omitted.</summary>
    public Tensor Clamp(double? min = null, double? max = null) =>
        Wrap(NativeMethods.sg_clamp(Handle, min.HasValue ? 1 : 0, min ?? 0, max.HasValue ? 1 : 0, max ?? 0), "clamp");

    /// <summary>Element-wise clamp between tensors (e.g. projecting onto an ε-box in PGD).</summary>
    public Tensor Clamp(Tensor? min, Tensor? max)
    {
        var result = NativeMethods.sg_clamp_tensor(Handle, RawOrNull(min), RawOrNull(max));
        GC.KeepAlive(min);
        GC.KeepAlive(max);
        return Wrap(result, "clamp");
    }

    private Tensor Unary(UnaryOp op) => Wrap(NativeMethods.sg_unary(Handle, (int)op), op.ToString().ToLowerInvariant());
    private Tensor Compare(Tensor other, Comparison op) => Wrap(NativeMethods.sg_compare(Handle, other.Handle, (int)op), op.ToString().ToLowerInvariant());
    private Tensor Compare(double s, Comparison op) => Wrap(NativeMethods.sg_compare_scalar(Handle, s, (int)op), op.ToString().ToLowerInvariant());
}
