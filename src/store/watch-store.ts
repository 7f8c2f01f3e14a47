// The watch part of the store interface (filled by the area that owns it).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WatchStore {}
