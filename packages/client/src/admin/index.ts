/** The admin (filled in as it is built). */
export {};
