/** The API's methods (everything but `ready` and `$help`), in a module of their own so the script tag's loader can list them without the runtime. */
export const METHODS = ['flush', 'setConsent', 'optOut', 'forget', 'setStage', 'track', 'preview', 'dismiss', 'engage', 'answer', 'destroy'] as const;
