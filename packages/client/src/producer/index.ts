/** The producer (filled in as it is built). */
export {};
