namespace SweepGrid.Robustness.Datasets;

/// <summary>The content of an IDX image file: <see cref="Count"/> images of Rows × Columns uint8 pixels, row-major.</summary>
public sealed record IdxImages(byte[] Pixels, int Count, int Rows, int Columns);
