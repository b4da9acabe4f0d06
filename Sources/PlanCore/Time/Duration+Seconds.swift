extension Duration {
    /// The duration in seconds, for figures people read ("imported in 6.54 s").
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
