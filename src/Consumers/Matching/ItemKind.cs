namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// What kind of item a region holds. A video region is matched against catalog entries of the same kind,
/// so a hoodie never competes with shorts. The detectors know people and bags, not garments: Upper, Lower
/// and Full are parts of a person box, Bag is a detected bag. Any is a region whose kind cannot be told
/// (a close-up where no whole person shows): it is searched across every kind, and takes the kind of the
/// product it matches.
/// </summary>
public enum ItemKind
{
    Upper,
    Lower,
    Full,
    Bag,
    Any,
}
