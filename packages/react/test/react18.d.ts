// The React 18 aliases share React's types: the tests use them only through `vi.mock`.
declare module 'react18' {
  export * from 'react';
}
declare module 'react18/jsx-runtime' {
  export * from 'react/jsx-runtime';
}
declare module 'react18/jsx-dev-runtime' {
  export * from 'react/jsx-dev-runtime';
}
declare module 'react-dom18' {
  export * from 'react-dom';
}
declare module 'react-dom18/client' {
  export * from 'react-dom/client';
}
