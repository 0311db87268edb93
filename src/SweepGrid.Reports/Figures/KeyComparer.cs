namespace SweepGrid.Reports.Figures;

/// <summary>Orders and equates index keys element by element.</summary>
internal sealed class KeyComparer : IComparer<IReadOnlyList<int>>, IEqualityComparer<IReadOnlyList<int>>
{
    public static KeyComparer Instance { get; } = new();

    public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
    {
        for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    public bool Equals(IReadOnlyList<int>? x, IReadOnlyList<int>? y) => Compare(x, y) == 0;

    public int GetHashCode(IReadOnlyList<int> obj) => obj.Aggregate(17, (h, v) => (h * 31) + v);
}
