namespace Book.Display;

/// <summary>
/// A library area's formatters (tensors, charts, models, histories…). Every non-abstract class of
/// the library implementing this, with a parameterless constructor, is registered when the
/// <see cref="Formatter"/> starts and again after each <see cref="Formatter.ResetToDefaults"/>.
/// </summary>
public interface IFormatterSet
{
    /// <summary>Calls <see cref="Formatter.Register{T}(Func{T, string}, string)"/> for the area's types.</summary>
    void Register();
}
